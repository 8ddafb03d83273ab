using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Items;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Annotations;

/// <summary>
/// Turns a submission into the project's kind of <see cref="AnnotationValue"/>, checked against the taxonomy and,
/// for spans, against the item's text and tokens (<see cref="SpanRules"/>). The one switch on the task type of the
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
                return await SpansAsync(db, project, request, resolver, ct);
            case AnnotationValueKind.ClassLabels:
                if (request.Spans is not null)
                    throw LabelforgeException.Invalid($"Project '{project.Name}' is {project.TaskType}: give label_ids or labels, not spans.");
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

    private static long SpanLabel(NewSpan span, int index, LabelResolver resolver, AnnotationKind kind)
    {
        if ((span.LabelId is null) == (span.Label is null))
            throw LabelforgeException.Invalid($"Span {index} ({span.Start}..{span.End}) needs exactly one of 'label_id' or 'label'.");
        try
        {
            return AnnotationValidation.LabelIds(
                new NewAnnotation(0, "", kind, span.LabelId is { } id ? [id] : null, span.Label is { } name ? [name] : null), resolver, multiLabel: false)[0];
        }
        catch (LabelforgeException e) when (e.Kind == ErrorKind.Invalid)
        {
            throw LabelforgeException.Invalid($"Span {index} ({span.Start}..{span.End}): {e.Message}");
        }
    }
}
