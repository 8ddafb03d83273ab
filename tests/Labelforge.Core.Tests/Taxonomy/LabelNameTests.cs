using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Items;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Tests;

namespace Labelforge.Core.Tests.Taxonomy;

public class LabelNameTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_project_takes_any_awkward_names_and_keeps_them_byte_for_byte()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("news", false, AwkwardLabelNames.All);
        var labels = await t.Get<TaxonomyOperations>().GetLabelsAsync(p.Id, ct: Ct);
        Assert.Equal(AwkwardLabelNames.All, labels.Select(l => l.Name));
        Assert.Equal(@"Sci\/Tech", labels.Single(l => l.Name == "Sci/Tech").Path);
    }

    [Fact]
    public async Task A_name_with_a_slash_and_a_path_of_two_levels_are_told_apart()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("news", false, "Sci/Tech", "Science");
        var tax = t.Get<TaxonomyOperations>();
        var tech = await tax.AddAsync(p.Id, new NewLabel("Tech", Parent: "Science"), ct: Ct);
        var nested = await tax.AddAsync(p.Id, new NewLabel("24/7", Parent: @"Sci\/Tech"), ct: Ct);
        Assert.Equal("Science/Tech", tech.Path);
        Assert.Equal(@"Sci\/Tech/24\/7", nested.Path);
        Assert.Equal("Sci/Tech", (await tax.FindAsync(p.Id, "Sci/Tech", Ct)).Name);
        Assert.Equal("Sci/Tech", (await tax.FindAsync(p.Id, @"sci\/tech", Ct)).Name);
        Assert.Equal(tech.Id, (await tax.FindAsync(p.Id, "Science / Tech", Ct)).Id);
        Assert.Equal(nested.Id, (await tax.FindAsync(p.Id, @"Sci\/Tech/24\/7", Ct)).Id);
        var moved = await tax.MoveAsync(p.Id, "24/7", "Science/Tech", ct: Ct);
        Assert.Equal(@"Science/Tech/24\/7", moved.Path);
        var merged = await tax.MergeAsync(p.Id, ["Science/Tech/24\\/7"], "Input/Output", ct: Ct);
        Assert.Equal("Input/Output", merged.Name);
        var split = await tax.SplitAsync(p.Id, "Input/Output", ["In, put", "Out|put"], ct: Ct);
        Assert.Equal(["In, put", "Out|put"], split.Select(l => l.Name));
    }

    [Fact]
    public async Task Names_are_trimmed_and_refused_when_blank_multi_line_or_equal_ignoring_case()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("names", false, "Spam");
        var tax = t.Get<TaxonomyOperations>();
        var padded = await tax.AddAsync(p.Id, new NewLabel("  N/A  "), ct: Ct);
        Assert.Equal("N/A", padded.Name);
        Assert.Equal("label name '  N/A  ' had whitespace around it; it is stored as 'N/A'", LabelNames.TrimNotice("  N/A  ", padded.Name));
        Assert.Null(LabelNames.TrimNotice("N/A", "N/A"));
        var caseOnly = await Assert.ThrowsAsync<LabelforgeException>(() => tax.AddAsync(p.Id, new NewLabel("spam"), ct: Ct));
        Assert.Equal(ErrorKind.Conflict, caseOnly.Kind);
        Assert.Contains("'Spam' already exists at the top of the tree; names under one parent are unique ignoring case", caseOnly.Message, StringComparison.Ordinal);
        var listed = await Assert.ThrowsAsync<LabelforgeException>(() =>
            t.Get<ProjectOperations>().CreateAsync(new NewProject("twice", Labels: ["Yes", "yes"]), Ct));
        Assert.Contains("differ only in case", listed.Message, StringComparison.Ordinal);
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "A label needs a name.", () => tax.AddAsync(p.Id, new NewLabel("   "), ct: Ct));
        var newline = await Assert.ThrowsAsync<LabelforgeException>(() => tax.AddAsync(p.Id, new NewLabel("two\nlines"), ct: Ct));
        Assert.Contains(@"two\u000alines", newline.Message, StringComparison.Ordinal);
        Assert.Equal("SPAM", (await tax.RenameAsync(p.Id, "spam", "SPAM", ct: Ct)).Name); // a label may change its own case
    }

    [Fact]
    public async Task Annotations_and_the_label_filter_find_awkward_names()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("f", true, AwkwardLabelNames.All);
        var items = await Seed.ItemsAsync(t, p.Id, AwkwardLabelNames.All.Length);
        var ann = t.Get<AnnotationOperations>();
        for (var i = 0; i < items.Length; i++)
            await ann.SubmitAsync(p.Id, new NewAnnotation(items[i], "alice", Labels: [AwkwardLabelNames.All[i]]), Ct);
        var browse = t.Get<ItemOperations>();
        for (var i = 0; i < items.Length; i++)
        {
            var page = await browse.QueryAsync(p.Id, new ItemQuery(Label: AwkwardLabelNames.All[i]), Ct);
            Assert.Equal([items[i]], page.Items.Select(x => x.Id));
            Assert.Equal([AwkwardLabelNames.All[i]], page.Items[0].Labels);
        }
    }
}
