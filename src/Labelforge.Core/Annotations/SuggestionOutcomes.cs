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

    internal static async Task<string?> ResolveAsync(LabelforgeDb db, LabelResolver resolver, NewAnnotation request, IReadOnlyCollection<long> labelIds, CancellationToken ct)
    {
        if (request.SuggestionAnnotationId is not { } id)
            return null;
        var model = AnnotationKind.Model.ToWire();
        var suggestion = await db.Annotations.AsNoTracking()
            .Where(a => a.Id == id && a.ItemId == request.ItemId && a.Kind == model)
            .Select(a => a.LabelIdsJson)
            .FirstOrDefaultAsync(ct)
            ?? throw LabelforgeException.Invalid($"Annotation {id} is not a model suggestion on item {request.ItemId}.");
        // Compared through merges: a suggestion made before a merge still names the label the annotator picks now.
        var suggested = JsonIds.Read(suggestion).Select(resolver.Resolve).Distinct().ToArray();
        return suggested.Length == labelIds.Count && suggested.All(labelIds.Contains) ? Accepted : Corrected;
    }
}
