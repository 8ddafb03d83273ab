using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Items;
using Labelforge.Core.Media;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Annotations;

/// <summary>
/// Turns a submission into the project's kind of <see cref="AnnotationValue"/>, checked against the taxonomy and,
/// for spans, against the item's text and tokens (<see cref="SpanRules"/>), for objects against the image's size
/// (<see cref="ObjectRules"/>). The one switch on the task type of the
/// submit path; a request that gives the wrong kind of value is told which one the project takes.
/// </summary>
internal static class AnnotationValues
{
    public static async Task<AnnotationValue> FromRequestAsync(LabelforgeDb db, Project project, NewAnnotation request, LabelResolver resolver, CancellationToken ct)
    {
        switch (TaskTypes.ValueKind(project.TaskType))
        {
            case AnnotationValueKind.Spans:
                if (request.LabelIds is { Count: > 0 } || request.Labels is { Count: > 0 })
                    throw LabelforgeException.Invalid($"Project '{project.Name}' is text-spans: give 'spans' (start, end, label), not whole-item labels.");
                if (request.Objects is not null)
                    throw LabelforgeException.Invalid($"Project '{project.Name}' is text-spans: give 'spans', not objects.");
                return await SpansAsync(db, project, request, resolver, ct);
            case AnnotationValueKind.Objects:
                if (request.LabelIds is { Count: > 0 } || request.Labels is { Count: > 0 } || request.Spans is not null)
                    throw LabelforgeException.Invalid($"Project '{project.Name}' is image-objects: give 'objects' (a box or a polygon and a label each), not whole-item labels or spans.");
                return await ObjectsAsync(db, project, request, resolver, ct);
            case AnnotationValueKind.ClassLabels:
                if (request.Spans is not null || request.Objects is not null)
                    throw LabelforgeException.Invalid($"Project '{project.Name}' is {project.TaskType}: give label_ids or labels, not spans or objects.");
                return new ClassLabelsValue(AnnotationValidation.LabelIds(request, resolver, project.MultiLabel));
            default:
                throw LabelforgeException.Invalid($"Project '{project.Name}' is {project.TaskType}, which takes no annotations yet.");
        }
    }

    private static async Task<SpansValue> SpansAsync(LabelforgeDb db, Project project, NewAnnotation request, LabelResolver resolver, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().Where(i => i.Id == request.ItemId && i.ProjectId == project.Id)
            .Select(i => new { i.Text, i.DataJson }).FirstAsync(ct);
        var spans = new List<LabeledSpan>();
        foreach (var (span, index) in (request.Spans ?? []).Select((s, i) => (s, i)))
            spans.Add(new LabeledSpan(span.Start, span.End, SpanLabel(span, index, resolver, request.Kind)));
        var snap = project.SnapSpansToTokens && request.Kind != AnnotationKind.Import ? ItemTokens.Of(item.Text, item.DataJson) : null;
        if (SpanRules.Check(spans, item.Text, snap, project.OverlappingSpans) is { } problem)
            throw LabelforgeException.Invalid($"Item {request.ItemId}: {problem}.");
        return new SpansValue(spans);
    }

    private static async Task<ObjectsValue> ObjectsAsync(LabelforgeDb db, Project project, NewAnnotation request, LabelResolver resolver, CancellationToken ct)
    {
        var document = await db.Items.AsNoTracking().Where(i => i.Id == request.ItemId && i.ProjectId == project.Id)
            .Select(i => i.DataJson).FirstAsync(ct);
        var objects = new List<ImageObject>();
        foreach (var (o, index) in (request.Objects ?? []).Select((o, i) => (o, i)))
            objects.Add(new ImageObject(PartLabel(o.LabelId, o.Label, $"Object {index}", resolver, request.Kind), o.Box, o.Polygon));
        if (ObjectRules.Check(objects, ImageSize.Of(document)) is { } problem)
            throw LabelforgeException.Invalid($"Item {request.ItemId}: {problem}.");
        return new ObjectsValue(objects);
    }

    private static long SpanLabel(NewSpan span, int index, LabelResolver resolver, AnnotationKind kind) =>
        PartLabel(span.LabelId, span.Label, $"Span {index} ({span.Start}..{span.End})", resolver, kind);

    /// <summary>The label of one part of a value (a span, an object), given as exactly one of an id or a name/path.</summary>
    private static long PartLabel(long? labelId, string? label, string shown, LabelResolver resolver, AnnotationKind kind)
    {
        if ((labelId is null) == (label is null))
            throw LabelforgeException.Invalid($"{shown} needs exactly one of 'label_id' or 'label'.");
        try
        {
            return AnnotationValidation.LabelIds(
                new NewAnnotation(0, "", kind, labelId is { } id ? [id] : null, label is { } name ? [name] : null), resolver, multiLabel: false)[0];
        }
        catch (LabelforgeException e) when (e.Kind == ErrorKind.Invalid)
        {
            throw LabelforgeException.Invalid($"{shown}: {e.Message}");
        }
    }
}
