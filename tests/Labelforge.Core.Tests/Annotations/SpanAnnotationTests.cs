using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Import.Readers.Spans;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Import;
using Labelforge.Core.Projects;
using Labelforge.Core.Queues;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Annotations;

/// <summary>Span submissions in a text-spans project: the stored value, the checks, and suggestions from imports.</summary>
public class SpanAnnotationTests
{
    private const string Text = "Ada Lovelace visited New York (USA).";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestDb Db, Project Project, long Item)> SpanProjectAsync(bool overlapping = false, bool snap = true)
    {
        var t = await TestDb.CreateAsync();
        var project = await t.Get<ProjectOperations>().CreateAsync(
            new NewProject("ner", TaskTypes.TextSpans, Labels: ["person", "location"], OverlappingSpans: overlapping, SnapSpansToTokens: snap), Ct);
        await Seed.ImportAsync(t, project.Id, null, Seed.Row(1, Text, "a"));
        return (t, project, t.Db.Items.Single().Id);
    }

    [Fact]
    public async Task Spans_are_stored_in_the_value_column_with_their_label_rows_and_shown_with_names()
    {
        var (t, p, item) = await SpanProjectAsync();
        await using var _ = t;
        var result = await t.Get<AnnotationOperations>().SubmitAsync(p.Id, new NewAnnotation(item, "alice",
            Spans: [new NewSpan(21, 29, Label: "location"), new NewSpan(0, 12, Label: "person"), new NewSpan(31, 34, Label: "location")]), Ct);

        var stored = await t.Db.Annotations.SingleAsync(Ct);
        var ids = t.Db.Labels.OrderBy(l => l.Id).Select(l => l.Id).ToArray();
        Assert.Equal($"{{\"spans\":[{{\"start\":0,\"end\":12,\"label\":{ids[0]}}},{{\"start\":21,\"end\":29,\"label\":{ids[1]}}},{{\"start\":31,\"end\":34,\"label\":{ids[1]}}}]}}",
            stored.LabelIdsJson);
        Assert.Equal(ids, t.Db.AnnotationLabels.OrderBy(l => l.LabelId).Select(l => l.LabelId).ToArray());
        Assert.Equal([("person", 0, 12), ("location", 21, 29), ("location", 31, 34)], result.Annotation.Spans!.Select(s => (s.Label, s.Start, s.End)));
        Assert.Equal(["person", "location"], result.Annotation.Labels);
        var history = await t.Get<AnnotationOperations>().HistoryAsync(p.Id, item, Ct);
        Assert.Equal(3, history.Single().Spans!.Count);
    }

    [Theory]
    [InlineData(0, 99, "span 0 (0..99) is outside the text, which has 36 characters")]
    [InlineData(5, 5, "span 0 (5..5) is empty or reversed")]
    [InlineData(1, 12, "does not start and end on token boundaries; the nearest token-aligned span is 0..12 ('Ada Lovelace')")]
    public async Task Bad_offsets_are_refused_with_the_span_and_what_to_do(int start, int end, string message)
    {
        var (t, p, item) = await SpanProjectAsync();
        await using var _ = t;
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, message, () => t.Get<AnnotationOperations>()
            .SubmitAsync(p.Id, new NewAnnotation(item, "alice", Spans: [new NewSpan(start, end, Label: "person")]), Ct));
        Assert.Empty(t.Db.Annotations);
    }

    [Fact]
    public async Task Unknown_labels_overlaps_and_whole_item_labels_are_refused_unless_the_project_allows_overlaps()
    {
        var (t, p, item) = await SpanProjectAsync();
        await using var _ = t;
        var ops = t.Get<AnnotationOperations>();
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Span 0 (0..3): Unknown label 'org'.",
            () => ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Spans: [new NewSpan(0, 3, Label: "org")]), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "overlap, and this project does not allow overlapping spans",
            () => ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Spans: [new NewSpan(0, 12, Label: "person"), new NewSpan(4, 12, Label: "location")]), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "is text-spans: give 'spans'",
            () => ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Labels: ["person"]), Ct));

        var (t2, p2, item2) = await SpanProjectAsync(overlapping: true, snap: false);
        await using var __ = t2;
        var nested = await t2.Get<AnnotationOperations>().SubmitAsync(p2.Id, new NewAnnotation(item2, "alice",
            Spans: [new NewSpan(0, 12, Label: "person"), new NewSpan(4, 11, Label: "location")]), Ct);
        Assert.Equal(2, nested.Annotation.Spans!.Count);
    }

    [Fact]
    public async Task Imported_spans_are_suggested_in_the_queue_with_tokens_and_accepting_them_is_recorded()
    {
        var t = await TestDb.CreateAsync();
        await using var _ = t;
        var p = await t.Get<ProjectOperations>().CreateAsync(new NewProject("ner", TaskTypes.TextSpans, Labels: ["person"]), Ct);
        var row = ImportEntry.Ok(new ImportRecord("mem.jsonl", 1, null, Text, "{\"text\":null}",
            [new ImportedAnnotation(null, AnnotationKind.Import, []) { Spans = [new ImportedSpan(0, 12, "person")] }], 8));
        await Seed.ImportAsync(t, p.Id, null, row);

        var leased = (await t.Get<QueueOperations>().NextAsync(p.Id, new QueueRequest("alice", Count: 1), Ct)).Single();
        Assert.Equal([0, 3], leased.Tokens![0]);
        Assert.Equal(9, leased.Tokens.Count); // Ada Lovelace visited New York ( USA ) .
        var suggestion = leased.Suggestion!;
        Assert.Equal(("person", 0, 12), (suggestion.Spans!.Single().Label, suggestion.Spans![0].Start, suggestion.Spans[0].End));

        var ops = t.Get<AnnotationOperations>();
        var accepted = await ops.SubmitAsync(p.Id, new NewAnnotation(leased.Id, "alice", Spans: [new NewSpan(0, 12, Label: "person")],
            SuggestionAnnotationId: suggestion.AnnotationId), Ct);
        var corrected = await ops.SubmitAsync(p.Id, new NewAnnotation(leased.Id, "bob", Spans: [new NewSpan(0, 3, Label: "person")],
            SuggestionAnnotationId: suggestion.AnnotationId), Ct);
        Assert.Equal(SuggestionOutcomes.Accepted, accepted.Annotation.SuggestionOutcome);
        Assert.Equal(SuggestionOutcomes.Corrected, corrected.Annotation.SuggestionOutcome);
    }
}
