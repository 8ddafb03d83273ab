using Labelforge.Core.Acceptance;
using Labelforge.Core.Annotations;

namespace Labelforge.Core.Tests.Acceptance;

/// <summary>
/// A constructed project where every count is known: twelve items, two model versions, a reviewer's gold on items 0-9,
/// and peers on items 10-11 (see <see cref="BuildAsync"/> for who did what).
/// </summary>
public class AcceptanceOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Counts_rates_and_accuracy_against_gold_and_scratch_peers()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await BuildAsync(t);

        var r = await t.Get<AcceptanceOperations>().ReportAsync(p, new AcceptanceOptions(), Ct);

        Assert.Equal((8, 1, 6), (r.Accepted, r.Corrected, r.Scratch));
        Assert.Equal((9, 8), (r.AcceptanceRate.Count, r.AcceptanceRate.Successes));
        var a = r.Accuracy;
        Assert.Equal((10, 2), (a.GoldReferences, a.PeerReferences));
        Assert.Equal((8, 7), (a.Accepted.Count, a.Accepted.Successes));
        Assert.Equal((1, 1), (a.Corrected.Count, a.Corrected.Successes));
        Assert.Equal((3, 1), (a.Scratch.Count, a.Scratch.Successes));
        Assert.Equal((9, 7), (a.Suggestions.Count, a.Suggestions.Successes));
        Assert.Equal((2, 1), (a.WrongSuggestionsAccepted.Count, a.WrongSuggestionsAccepted.Successes));
        Assert.Equal(Math.Round(7.0 / 8 - 1.0 / 3, 4), a.AcceptedMinusScratch.Difference);
        Assert.True(a.AcceptedMinusScratch.Low < 0 && a.AcceptedMinusScratch.High > 0.5);
        Assert.True(a.Accepted.Low < 0.875 && a.Accepted.High > 0.875 && a.Accepted.High <= 1);

        Assert.Equal(["model:m@1", "model:m@2"], r.ByModel.Select(m => m.Model));
        var m1 = r.ByModel[0];
        Assert.Equal((5, 4, 1), (m1.Shown, m1.Accepted, m1.Corrected));
        Assert.Equal((5, 3), (m1.SuggestionAccuracy.Count, m1.SuggestionAccuracy.Successes));
        Assert.Equal((4, 3), (m1.AcceptedAccuracy.Count, m1.AcceptedAccuracy.Successes));
        Assert.Equal((4, 4, 4), (r.ByModel[1].Shown, r.ByModel[1].Accepted, r.ByModel[1].SuggestionAccuracy.Successes));
    }

    [Fact]
    public async Task Gold_authors_turn_an_annotators_labels_into_references()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await BuildAsync(t);

        var r = await t.Get<AcceptanceOperations>().ReportAsync(p, new AcceptanceOptions { GoldAuthors = ["bob"] }, Ct);

        Assert.Equal((13, 0), (r.Accuracy.GoldReferences, r.Accuracy.PeerReferences));
        Assert.Equal(4, r.Scratch); // bob's two labels are gold now, not evaluated
        Assert.Equal((4, 2), (r.Accuracy.Scratch.Count, r.Accuracy.Scratch.Successes));
    }

    [Fact]
    public async Task A_project_without_suggestions_reports_empty_estimates()
    {
        await using var t = await TestDb.CreateAsync();
        var project = await t.ProjectAsync();
        var r = await t.Get<AcceptanceOperations>().ReportAsync(project.Id, new AcceptanceOptions(), Ct);
        Assert.Equal((0, 0, 0), (r.Accepted, r.Corrected, r.Scratch));
        Assert.Null(r.AcceptanceRate.Rate);
        Assert.Null(r.Accuracy.AcceptedMinusScratch.Difference);
    }

    // Truth: even items spam, odd ham. m@1 says spam on 0-3 (wrong on 1, 3) and ham on 10; m@2 is right on 4-7.
    // alice accepts everything but item 3 (corrected to ham), labels 8 (right), 9 (wrong) and 11 (ham) from scratch.
    // rita reviews 0-9 (gold). Item 10: bob ham from scratch. Item 11: bob and carol spam from scratch.
    private static async Task<long> BuildAsync(TestDb t)
    {
        var p = await t.ProjectAsync();
        var items = await Seed.ItemsAsync(t, p.Id, 12);
        var ops = t.Get<AnnotationOperations>();
        string Truth(int i) => i % 2 == 0 ? "spam" : "ham";
        for (var i = 0; i < 8; i++)
        {
            var suggested = i < 4 ? "spam" : Truth(i);
            var s = await Add(ops, p.Id, items[i], i < 4 ? "model:m@1" : "model:m@2", suggested, AnnotationKind.Model);
            await Add(ops, p.Id, items[i], "alice", i == 3 ? "ham" : suggested, suggestion: s);
        }
        await Add(ops, p.Id, items[8], "alice", "spam");
        await Add(ops, p.Id, items[9], "alice", "spam");
        for (var i = 0; i < 10; i++)
            await Add(ops, p.Id, items[i], "rita", Truth(i), AnnotationKind.Review);
        var s10 = await Add(ops, p.Id, items[10], "model:m@1", "ham", AnnotationKind.Model);
        await Add(ops, p.Id, items[10], "alice", "ham", suggestion: s10);
        await Add(ops, p.Id, items[10], "bob", "ham");
        await Add(ops, p.Id, items[11], "alice", "ham");
        await Add(ops, p.Id, items[11], "bob", "spam");
        await Add(ops, p.Id, items[11], "carol", "spam");
        return p.Id;
    }

    private static async Task<long> Add(AnnotationOperations ops, long projectId, long item, string author, string label,
        AnnotationKind kind = AnnotationKind.Human, long? suggestion = null) =>
        (await ops.SubmitAsync(projectId, new NewAnnotation(item, author, kind, Labels: [label], SuggestionAnnotationId: suggestion), Ct)).Annotation.Id;
}
