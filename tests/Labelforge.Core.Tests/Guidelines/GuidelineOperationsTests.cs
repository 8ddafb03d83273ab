using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Guidelines;
using Labelforge.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Guidelines;

public class GuidelineOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_edit_is_a_version_and_the_same_text_again_is_not()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.Get<ProjectOperations>().CreateAsync(new NewProject("g", Labels: ["a", "b"], Guidelines: "# v1"), Ct);
        Assert.Equal(1, p.GuidelineVersion);
        var ops = t.Get<GuidelineOperations>();
        t.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(2, (await ops.UpdateAsync(p.Id, "# v2", "carol", Ct)).GuidelineVersion);
        Assert.Equal(2, (await ops.UpdateAsync(p.Id, "# v2", "carol", Ct)).GuidelineVersion);
        Assert.Equal(3, (await t.Get<ProjectOperations>().UpdateGuidelinesAsync(p.Id, "# v3", ct: Ct)).GuidelineVersion);

        var history = await ops.HistoryAsync(p.Id, Ct);
        Assert.Equal([1, 2, 3], history.Select(h => h.Version));
        Assert.Equal([null, "carol", null], history.Select(h => h.Author));
        Assert.All(history, h => Assert.Null(h.Text));
        Assert.Equal("# v1", (await ops.GetAsync(p.Id, 1, Ct)).Text);
        Assert.Equal("# v3", (await ops.GetAsync(p.Id, null, Ct)).Text);
        Assert.Equal(t.Time.GetUtcNow(), history[1].CreatedAt);
        await ErrorAssert.FailsAsync(ErrorKind.NotFound, "has no guideline version 9; it has versions 1..3", () => ops.GetAsync(p.Id, 9, Ct));
    }

    [Fact]
    public async Task Annotations_record_the_guideline_version_they_were_made_under_on_every_write_path()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var items = await Seed.ItemsAsync(t, p.Id, 2);
        var submit = t.Get<AnnotationOperations>();
        await submit.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["spam"]), Ct);
        await t.Get<GuidelineOperations>().UpdateAsync(p.Id, "new rules", "carol", Ct);
        await submit.SubmitAsync(p.Id, new NewAnnotation(items[1], "alice", Labels: ["ham"]), Ct);
        // The bulk writer (imports, models, labeling functions) reads the version from the project row.
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(3, "imported", "id-3", "spam"));

        var versions = await t.Db.Annotations.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Author, a.GuidelineVersion }).ToListAsync(Ct);
        Assert.Equal([1, 2, 2], versions.Select(v => v.GuidelineVersion));
    }
}
