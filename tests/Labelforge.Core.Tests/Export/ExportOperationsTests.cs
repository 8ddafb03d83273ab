using Labelforge.Core.Annotations;
using Labelforge.Core.Export;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Tests.Export;

public class ExportOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Items_carry_current_labels_per_author_with_merges_resolved()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("e", false, "cat", "kitten", "dog");
        var items = await Seed.ItemsAsync(t, p.Id, 3);
        var ann = new AnnotationOperations(t.Db, t.Time);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["dog"]), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["kitten"]), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "bob", Labels: ["cat"]), Ct);
        await new TaxonomyOperations(t.Db, t.Time).MergeAsync(p.Id, ["cat", "kitten"], "feline", ct: Ct);

        var exported = new List<ExportItem>();
        await foreach (var item in new ExportOperations(t.Db, t.Time).ItemsAsync(p.Id, ct: Ct))
            exported.Add(item);
        Assert.Equal(3, exported.Count);
        Assert.Equal(["feline"], exported[0].Labels);
        Assert.Equal(["alice", "bob"], exported[0].ByAuthor.Select(a => a.Author));
        Assert.Empty(exported[1].Labels);
        Assert.Equal("item number 2", exported[1].Text);
    }

    [Fact]
    public async Task Events_list_every_annotation_in_order()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var items = await Seed.ItemsAsync(t, p.Id, 2);
        var ann = new AnnotationOperations(t.Db, t.Time);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["ham"], TimeSpentMs: 900), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["spam"]), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[1], "m", AnnotationKind.Model, Labels: ["spam"],
            Probabilities: new Dictionary<string, double> { ["spam"] = 0.9, ["ham"] = 0.1 }), Ct);
        var events = new List<ExportEvent>();
        await foreach (var e in new ExportOperations(t.Db, t.Time).EventsAsync(p.Id, Ct))
            events.Add(e);
        Assert.Equal(3, events.Count);
        Assert.Equal(events[0].AnnotationId, events[1].SupersedesId);
        Assert.Equal(900, events[0].TimeSpentMs);
        Assert.Equal(0.9, events[2].Probabilities!["spam"]);
        Assert.Equal("id-1", events[0].ExternalId);
    }
}
