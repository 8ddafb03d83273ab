using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Items;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Tests;

namespace Labelforge.Core.Tests.Taxonomy;

/// <summary>Names unique among siblings only: building such a tree, reading bare names and paths, writing references.</summary>
public class SharedLabelNameTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Builds <see cref="SharedNameTaxonomy"/> in a new project (parents named by id); returns the project and the label ids in order.</summary>
    internal static async Task<(Project Project, long[] Ids)> CreateAsync(TestDb t, string name = "shared", bool multiLabel = true)
    {
        var project = await t.Get<ProjectOperations>().CreateAsync(new NewProject(name, MultiLabel: multiLabel, Labels: []), Ct);
        var tax = t.Get<TaxonomyOperations>();
        var ids = new List<long>();
        foreach (var (label, parent, _) in SharedNameTaxonomy.Labels)
            ids.Add((await tax.AddAsync(project.Id, new NewLabel(label, parent < 0 ? null : ids[parent].ToString(System.Globalization.CultureInfo.InvariantCulture)), ct: Ct)).Id);
        return (project, [.. ids]);
    }

    [Fact]
    public async Task Names_are_unique_among_siblings_and_may_repeat_under_other_parents()
    {
        await using var t = await TestDb.CreateAsync();
        var (p, ids) = await CreateAsync(t);
        var tax = t.Get<TaxonomyOperations>();
        var labels = await tax.GetLabelsAsync(p.Id, ct: Ct);
        Assert.Equal(3, labels.Count(l => l.Name == "Other"));
        Assert.Equal(["Other", "Animals/Other", "Plants/Other"], labels.Where(l => l.Name == "Other").Select(l => l.Path));

        var sibling = await Assert.ThrowsAsync<LabelforgeException>(() => tax.AddAsync(p.Id, new NewLabel("OTHER", Parent: "Animals"), ct: Ct));
        Assert.Equal(ErrorKind.Conflict, sibling.Kind);
        Assert.Contains("'Other' already exists under the same parent", sibling.Message, StringComparison.Ordinal);
        var renamed = await Assert.ThrowsAsync<LabelforgeException>(() => tax.RenameAsync(p.Id, "Animals/Sci\\/Tech", "other", ct: Ct));
        Assert.Equal(ErrorKind.Conflict, renamed.Kind);
        var moved = await Assert.ThrowsAsync<LabelforgeException>(() => tax.MoveAsync(p.Id, "Animals/Other", "Plants", ct: Ct));
        Assert.Contains("already exists under the same parent", moved.Message, StringComparison.Ordinal);
        // A deprecated sibling still holds its name; a merged one gives it up.
        await tax.DeprecateAsync(p.Id, "Animals/Other", ct: Ct);
        await ErrorAssert.FailsAsync(ErrorKind.Conflict, "A label named 'Other' already exists under the same parent.", () => tax.AddAsync(p.Id, new NewLabel("Other", Parent: "Animals"), ct: Ct));
        await tax.MergeAsync(p.Id, ["/Plants/Other"], "Animals", ct: Ct);
        Assert.Equal(ids[1], (await tax.AddAsync(p.Id, new NewLabel("Other", Parent: "Plants"), ct: Ct)).ParentId);
    }

    [Fact]
    public async Task A_bare_name_of_one_label_works_and_a_shared_one_is_an_error_naming_each_path()
    {
        await using var t = await TestDb.CreateAsync();
        var (p, ids) = await CreateAsync(t);
        var tax = t.Get<TaxonomyOperations>();
        Assert.Equal(ids[9], (await tax.FindAsync(p.Id, "tech", Ct)).Id);
        Assert.Equal(ids[3], (await tax.FindAsync(p.Id, "animals / other", Ct)).Id);
        Assert.Equal(ids[2], (await tax.FindAsync(p.Id, "/Other", Ct)).Id);
        Assert.Equal(ids[5], (await tax.FindAsync(p.Id, "Plants/Other", Ct)).Id); // a name first, then a path
        Assert.Equal(ids[4], (await tax.FindAsync(p.Id, "/Plants/Other", Ct)).Id);
        Assert.Equal(ids[6], (await tax.FindAsync(p.Id, @"Sci\/Tech", Ct)).Id);
        foreach (var (text, candidates) in SharedNameTaxonomy.Ambiguous)
        {
            var error = await Assert.ThrowsAsync<LabelforgeException>(() => tax.FindAsync(p.Id, text, Ct));
            Assert.Equal(ErrorKind.Invalid, error.Kind);
            Assert.Contains($"label '{text}' is ambiguous: it means {candidates.Length} labels ({string.Join(", ", candidates.Select(c => $"'{c}'"))})", error.Message, StringComparison.Ordinal);
            Assert.Contains(@"a '/' or '\' inside a name written '\/' or '\\'", error.Message, StringComparison.Ordinal);
        }
        var parent = await Assert.ThrowsAsync<LabelforgeException>(() => tax.AddAsync(p.Id, new NewLabel("Cat", Parent: "Other"), ct: Ct));
        Assert.Contains("is ambiguous", parent.Message, StringComparison.Ordinal);
        Assert.Equal("Animals/Other/Cat", (await tax.AddAsync(p.Id, new NewLabel("Cat", Parent: "Animals/Other"), ct: Ct)).Path);
    }

    [Fact]
    public async Task Every_label_has_a_reference_that_reads_back_as_it_and_unique_names_stay_bare()
    {
        await using var t = await TestDb.CreateAsync();
        var (p, ids) = await CreateAsync(t);
        var lookup = (await t.Get<TaxonomyOperations>().ResolverAsync(p.Id, Ct)).Lookup;
        Assert.Equal(SharedNameTaxonomy.References, ids.Select(lookup.ReferenceOf));
        Assert.Equal(ids, SharedNameTaxonomy.References.Select(r => lookup.Match(r).Label!.Id));

        var awkward = await t.ProjectAsync("awkward", true, AwkwardLabelNames.All);
        var plain = (await t.Get<TaxonomyOperations>().ResolverAsync(awkward.Id, Ct)).Lookup;
        var all = await t.Get<TaxonomyOperations>().GetLabelsAsync(awkward.Id, ct: Ct);
        Assert.Equal(AwkwardLabelNames.All, all.Select(l => plain.ReferenceOf(l.Id)));
    }

    [Fact]
    public async Task A_label_whose_anchored_path_is_another_label_s_name_cannot_be_written_and_says_so()
    {
        await using var t = await TestDb.CreateAsync();
        var (p, ids) = await CreateAsync(t);
        await t.Get<TaxonomyOperations>().AddAsync(p.Id, new NewLabel("/Plants/Other"), ct: Ct);
        var lookup = (await t.Get<TaxonomyOperations>().ResolverAsync(p.Id, Ct)).Lookup;
        var error = Assert.Throws<LabelforgeException>(() => lookup.ReferenceOf(ids[4]));
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("Label 'Plants/Other' cannot be written so that it reads back as itself", error.Message, StringComparison.Ordinal);
        Assert.Equal("Animals/Other", lookup.ReferenceOf(ids[3]));
    }

    [Fact]
    public async Task Annotations_filters_and_merges_take_paths_and_refuse_shared_bare_names()
    {
        await using var t = await TestDb.CreateAsync();
        var (p, ids) = await CreateAsync(t);
        var items = await Seed.ItemsAsync(t, p.Id, 2);
        var annotations = t.Get<AnnotationOperations>();
        await annotations.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["Animals/Other", "/Other"]), Ct);
        var bare = await Assert.ThrowsAsync<LabelforgeException>(() =>
            annotations.SubmitAsync(p.Id, new NewAnnotation(items[1], "alice", Labels: ["Other"]), Ct));
        Assert.Contains("label 'Other' is ambiguous", bare.Message, StringComparison.Ordinal);

        var itemOps = t.Get<ItemOperations>();
        var page = await itemOps.QueryAsync(p.Id, new ItemQuery(Label: "Animals/Other"), Ct);
        Assert.Equal([items[0]], page.Items.Select(i => i.Id));
        Assert.Equal(["Animals/Other", "/Other"], page.Items[0].Labels);
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "label 'other' is ambiguous: it means 3 labels", () => itemOps.QueryAsync(p.Id, new ItemQuery(Label: "other"), Ct));

        var merged = await t.Get<TaxonomyOperations>().MergeAsync(p.Id, ["Animals/Other"], "Plants/Other", ct: Ct);
        Assert.Equal(ids[5], merged.Id);
        var after = await itemOps.QueryAsync(p.Id, new ItemQuery(Label: "Plants/Other"), Ct);
        Assert.Equal(["Plants/Other", "/Other"], after.Items[0].Labels);
    }
}
