using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Queues;

namespace Labelforge.Core.Tests.Annotations;

public class SuggestionOutcomeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_label_made_with_a_suggestion_records_whether_it_was_accepted_or_corrected()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var items = await Seed.ItemsAsync(t, p.Id, 3);
        var ops = t.Get<AnnotationOperations>();
        var s0 = await Suggest(ops, p.Id, items[0], "spam", 0.9);
        var s1 = await Suggest(ops, p.Id, items[1], "spam", 0.8);

        var accepted = await ops.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["spam"], SuggestionAnnotationId: s0), Ct);
        var corrected = await ops.SubmitAsync(p.Id, new NewAnnotation(items[1], "alice", Labels: ["ham"], SuggestionAnnotationId: s1), Ct);
        var scratch = await ops.SubmitAsync(p.Id, new NewAnnotation(items[2], "alice", Labels: ["ham"]), Ct);

        Assert.Equal((s0, SuggestionOutcomes.Accepted), (accepted.Annotation.SuggestionAnnotationId, accepted.Annotation.SuggestionOutcome));
        Assert.Equal((s1, SuggestionOutcomes.Corrected), (corrected.Annotation.SuggestionAnnotationId, corrected.Annotation.SuggestionOutcome));
        Assert.Null(scratch.Annotation.SuggestionAnnotationId);
        Assert.Null(scratch.Annotation.SuggestionOutcome);
        var stored = (await ops.HistoryAsync(p.Id, items[1], Ct))[^1];
        Assert.Equal(SuggestionOutcomes.Corrected, stored.SuggestionOutcome);
    }

    [Fact]
    public async Task Only_a_model_annotation_of_the_same_item_is_a_suggestion()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var items = await Seed.ItemsAsync(t, p.Id, 2);
        var ops = t.Get<AnnotationOperations>();
        var other = await Suggest(ops, p.Id, items[1], "spam", 0.9);
        var human = (await ops.SubmitAsync(p.Id, new NewAnnotation(items[0], "bob", Labels: ["ham"]), Ct)).Annotation.Id;

        foreach (var id in new[] { other, human })
        {
            var e = await Assert.ThrowsAsync<LabelforgeException>(() =>
                ops.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["ham"], SuggestionAnnotationId: id), Ct));
            Assert.Equal(ErrorKind.Invalid, e.Kind);
        }
    }

    [Fact]
    public async Task The_queue_hands_out_the_latest_model_suggestion_with_its_confidence()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var items = await Seed.ItemsAsync(t, p.Id, 2);
        var ops = t.Get<AnnotationOperations>();
        await Suggest(ops, p.Id, items[0], "ham", 0.6, "model:linear@1");
        var latest = (await ops.SubmitAsync(p.Id, new NewAnnotation(items[0], "model:linear@2", AnnotationKind.Model, Labels: ["spam"],
            Probabilities: new Dictionary<string, double> { ["ham"] = 0.2, ["spam"] = 0.8 }), Ct)).Annotation.Id;

        var leased = await t.Get<QueueOperations>().NextAsync(p.Id, new QueueRequest("alice", Count: 2), Ct);

        var suggestion = leased.Single(i => i.Id == items[0]).Suggestion;
        Assert.NotNull(suggestion);
        Assert.Equal((latest, "model:linear@2", "spam"), (suggestion.AnnotationId, suggestion.Author, suggestion.Labels.Single()));
        Assert.Equal(0.8, suggestion.Confidence);
        Assert.Null(leased.Single(i => i.Id == items[1]).Suggestion);
    }

    private static async Task<long> Suggest(AnnotationOperations ops, long projectId, long itemId, string label, double confidence, string author = "model:linear@1") =>
        (await ops.SubmitAsync(projectId, new NewAnnotation(itemId, author, AnnotationKind.Model, Labels: [label], Confidence: confidence), Ct)).Annotation.Id;
}
