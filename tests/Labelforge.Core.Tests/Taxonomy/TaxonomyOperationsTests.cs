using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Items;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Tests.Taxonomy;

public class TaxonomyOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_operation_makes_a_version_with_its_snapshot()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("tax", false, "animal", "plant");
        var tax = t.Get<TaxonomyOperations>();
        var dog = await tax.AddAsync(p.Id, new NewLabel("dog", Parent: "animal", Description: "a canine", Hotkey: "d"), "ann", Ct);
        Assert.Equal("animal/dog", dog.Path);
        await tax.RenameAsync(p.Id, "dog", "hound", ct: Ct);
        await tax.MoveAsync(p.Id, "hound", null, ct: Ct);
        await tax.DeprecateAsync(p.Id, "plant", ct: Ct);
        var history = await tax.HistoryAsync(p.Id, Ct);
        Assert.Equal(["add", "add", "rename", "move", "deprecate"], history.Select(h => h.Operation));
        Assert.Equal([1, 2, 3, 4, 5], history.Select(h => h.Version));
        var v2 = await tax.GetLabelsAtAsync(p.Id, 2, Ct);
        Assert.Contains(v2, l => l.Name == "dog" && l.Path == "animal/dog");
        var now = await tax.GetLabelsAsync(p.Id, ct: Ct);
        Assert.Contains(now, l => l.Name == "hound" && l.ParentId is null && l.Hotkey == "d");
        Assert.Equal("deprecated", now.Single(l => l.Name == "plant").Status);
    }

    [Fact]
    public async Task Move_under_own_descendant_and_duplicate_sibling_names_are_rejected()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("tax", false, "a");
        var tax = t.Get<TaxonomyOperations>();
        await tax.AddAsync(p.Id, new NewLabel("b", "a"), ct: Ct);
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Cannot move 'a' under its own descendant 'b'.", () => tax.MoveAsync(p.Id, "a", "b", ct: Ct));
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<LabelforgeException>(() => tax.AddAsync(p.Id, new NewLabel("B", "a"), ct: Ct))).Kind); // a sibling's name
        Assert.Equal(2, (await tax.HistoryAsync(p.Id, Ct)).Count);
    }

    [Fact]
    public async Task After_a_merge_old_labels_resolve_to_the_target()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("m", false, "cat", "kitten", "dog");
        var items = await Seed.ItemsAsync(t, p.Id, 3);
        var ann = t.Get<AnnotationOperations>();
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "ann", Labels: ["cat"]), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[1], "ann", Labels: ["kitten"]), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[2], "ann", Labels: ["dog"]), Ct);
        var target = await t.Get<TaxonomyOperations>().MergeAsync(p.Id, ["cat", "kitten"], "feline", ct: Ct);
        var page = await t.Get<ItemOperations>().QueryAsync(p.Id, new ItemQuery(Label: "feline"), Ct);
        Assert.Equal(2, page.Total);
        Assert.All(page.Items, i => Assert.Equal(["feline"], i.Labels));
        Assert.Equal("active", target.Status);
        // New annotations may not use a merged label.
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Label 'cat' is merged and takes no new annotations.", () => ann.SubmitAsync(p.Id, new NewAnnotation(items[2], "ann", LabelIds: [t.Db.Labels.Single(l => l.Name == "cat").Id]), Ct));
    }

    [Fact]
    public async Task After_a_split_items_with_the_source_need_relabel_until_relabeled()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("s", false, "vehicle", "other");
        var items = await Seed.ItemsAsync(t, p.Id, 3);
        var ann = t.Get<AnnotationOperations>();
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "ann", Labels: ["vehicle"]), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[1], "ann", Labels: ["vehicle"]), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[2], "ann", Labels: ["other"]), Ct);
        var made = await t.Get<TaxonomyOperations>().SplitAsync(p.Id, "vehicle", ["car", "truck"], ct: Ct);
        Assert.Equal(["car", "truck"], made.Select(l => l.Name));
        var browse = t.Get<ItemOperations>();
        var needs = await browse.QueryAsync(p.Id, new ItemQuery(NeedsRelabel: true), Ct);
        Assert.Equal([items[0], items[1]], needs.Items.Select(i => i.Id));
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "ann", Labels: ["car"]), Ct);
        needs = await browse.QueryAsync(p.Id, new ItemQuery(NeedsRelabel: true), Ct);
        Assert.Equal([items[1]], needs.Items.Select(i => i.Id));
    }
}
