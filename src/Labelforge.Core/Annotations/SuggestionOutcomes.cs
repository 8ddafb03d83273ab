using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Annotations;

/// <summary>
/// What became of a model suggestion the annotator saw: <see cref="Accepted"/> when the submitted labels equal the
/// suggestion's, else <see cref="Corrected"/>. Derived on the server from the labels, so a client cannot mislabel it.
/// </summary>
public static class SuggestionOutcomes
{
    public const string Accepted = "accepted";

    public const string Corrected = "corrected";

    /// <summary>
    /// Kinds whose value a text-spans or image-objects project offers as suggestions (pre-annotations to accept or
    /// correct): the latest of these on an item is its suggestion.
    /// </summary>
    public static readonly string[] SpanSuggestionKinds =
        [AnnotationKind.Model.ToWire(), AnnotationKind.Programmatic.ToWire(), AnnotationKind.Import.ToWire()];

    /// <summary>The kinds of annotation a project of <paramref name="kind"/> takes its suggestions from.</summary>
    public static string[] Kinds(AnnotationValueKind kind) =>
        kind == AnnotationValueKind.ClassLabels ? [AnnotationKind.Model.ToWire()] : SpanSuggestionKinds;

    internal static async Task<string?> ResolveAsync(LabelforgeDb db, LabelResolver resolver, NewAnnotation request, AnnotationValue value, CancellationToken ct)
    {
        if (request.SuggestionAnnotationId is not { } id)
            return null;
        var kinds = Kinds(value.Kind);
        var suggestion = await db.Annotations.AsNoTracking()
            .Where(a => a.Id == id && a.ItemId == request.ItemId && kinds.Contains(a.Kind))
            .Select(a => a.LabelIdsJson)
            .FirstOrDefaultAsync(ct)
            ?? throw LabelforgeException.Invalid($"Annotation {id} is not a model suggestion on item {request.ItemId}.");
        // Compared through merges: a suggestion made before a merge still names the label the annotator picks now.
        if (value is SpansValue spans)
        {
            var suggestedSpans = new SpansValue(AnnotationValueJson.ReadSpans(suggestion).Select(s => s with { LabelId = resolver.Resolve(s.LabelId) }));
            return suggestedSpans.Equals(spans) ? Accepted : Corrected;
        }
        if (value is ObjectsValue objects)
        {
            var suggestedObjects = new ObjectsValue([.. ((ObjectsValue)AnnotationValueJson.Read(suggestion, AnnotationValueKind.Objects)).Objects
                .Select(o => o with { LabelId = resolver.Resolve(o.LabelId) })]);
            return suggestedObjects.Equals(objects) ? Accepted : Corrected;
        }
        var labelIds = value.LabelIds;
        var suggested = JsonIds.Read(suggestion).Select(resolver.Resolve).Distinct().ToArray();
        return suggested.Length == labelIds.Count && suggested.All(labelIds.Contains) ? Accepted : Corrected;
    }
}
