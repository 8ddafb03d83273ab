using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Consensus;
using Labelforge.Core.Projects;

namespace Labelforge.Core.Tests.Consensus;

public class SpanConsensusOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Three annotators on "Ada Lovelace visited New York", one of them alone on "Bob stayed home", nobody on the third.</summary>
    private static async Task<(TestDb Db, Project Project, long[] Items)> SeedAsync()
    {
        var t = await TestDb.CreateAsync();
        var p = await t.Get<ProjectOperations>().CreateAsync(new NewProject("ner", TaskTypes.TextSpans, Labels: ["person", "location"]), Ct);
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "Ada Lovelace visited New York", "a"), Seed.Row(2, "Bob stayed home", "b"),
            Seed.Row(3, "Carol and Dan", "c"));
        var items = t.Db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToArray();
        var ops = t.Get<AnnotationOperations>();
        async Task SubmitAsync(long item, string who, params NewSpan[] spans) => await ops.SubmitAsync(p.Id, new NewAnnotation(item, who, Spans: spans), Ct);
        await SubmitAsync(items[0], "alice", new NewSpan(0, 12, Label: "person"), new NewSpan(21, 29, Label: "location"));
        await SubmitAsync(items[0], "bob", new NewSpan(0, 12, Label: "person"), new NewSpan(25, 29, Label: "location"));
        await SubmitAsync(items[0], "carol", new NewSpan(0, 3, Label: "person"), new NewSpan(21, 29, Label: "location"));
        await SubmitAsync(items[1], "alice", new NewSpan(0, 3, Label: "person"));
        return (t, p, items);
    }

    private static IEnumerable<(int, int, string)> Stored(TestDb t, string author, long item)
    {
        var labels = t.Db.Labels.ToDictionary(l => l.Id, l => l.Name);
        var a = t.Db.Annotations.Single(x => x.Author == author && x.ItemId == item);
        Assert.Equal(AnnotationKind.Consensus.ToWire(), a.Kind);
        return AnnotationValueJson.ReadSpans(a.LabelIdsJson).Select(s => (s.Start, s.End, labels[s.LabelId]));
    }

    [Fact]
    public async Task Majority_keeps_the_spans_most_annotators_marked_exactly_and_runs_count_up()
    {
        var (t, p, items) = await SeedAsync();
        await using var _ = t;
        var ops = t.Get<SpanConsensusOperations>();
        var result = await ops.RunAsync(p.Id, new SpanConsensusRequest(), Ct);
        Assert.Equal(new SpanConsensusResult("consensus:majority@1", "majority", 1, 2, 0, 3, 1, true), result);
        Assert.Equal([(0, 12, "person"), (21, 29, "location")], Stored(t, "consensus:majority@1", items[0]));

        var single = await ops.RunAsync(p.Id, new SpanConsensusRequest(MinAnnotators: 1), Ct);
        Assert.Equal(("consensus:majority@2", 2, 3L), (single.Author, single.Items, single.Spans));
        Assert.Equal([(0, 3, "person")], Stored(t, "consensus:majority@2", items[1]));
        Assert.False(t.Db.Annotations.Any(a => a.ItemId == items[2] && a.Kind == "consensus"));
    }

    [Fact]
    public async Task Dawid_skene_is_stored_under_its_name_and_bad_requests_are_refused()
    {
        var (t, p, items) = await SeedAsync();
        await using var _ = t;
        var ops = t.Get<SpanConsensusOperations>();
        var result = await ops.RunAsync(p.Id, new SpanConsensusRequest("Dawid-Skene"), Ct);
        Assert.Equal(("consensus:dawid-skene@1", 1, 3), (result.Author, result.Items, result.Annotators));
        Assert.Contains((0, 12, "person"), Stored(t, "consensus:dawid-skene@1", items[0]));

        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "a text-spans project takes majority or dawid-skene",
            () => ops.RunAsync(p.Id, new SpanConsensusRequest("glad"), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "min_annotators must be at least 1",
            () => ops.RunAsync(p.Id, new SpanConsensusRequest(MinAnnotators: 0), Ct));
        var classes = await t.ProjectAsync("classes");
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "span consensus needs a text-spans project", () => ops.RunAsync(classes.Id, new SpanConsensusRequest(), Ct));
    }
}
