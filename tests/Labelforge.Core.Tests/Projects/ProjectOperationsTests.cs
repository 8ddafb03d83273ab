using Labelforge.Core.Common;
using Labelforge.Core.Projects;

namespace Labelforge.Core.Tests.Projects;

public class ProjectOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_makes_taxonomy_version_one_with_the_labels()
    {
        await using var t = await TestDb.CreateAsync();
        var project = await t.ProjectAsync("spam", false, "ham", "spam");
        Assert.Equal(1, project.TaxonomyVersion);
        var summary = (await t.Get<ProjectOperations>().ListAsync(Ct)).Single();
        Assert.Equal(("spam", 2, 0L), (summary.Name, summary.Labels, summary.Items));
        Assert.Equal(t.Time.GetUtcNow(), summary.CreatedAt);
    }

    [Fact]
    public async Task Duplicate_name_unknown_type_and_unsupported_type_are_rejected()
    {
        await using var t = await TestDb.CreateAsync();
        var ops = t.Get<ProjectOperations>();
        await t.ProjectAsync("a");
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<LabelforgeException>(() => ops.CreateAsync(new NewProject("a"), Ct))).Kind);
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Unknown task type 'video'", () => ops.CreateAsync(new NewProject("b", "video"), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Task type 'audio-classification' is not supported yet", () => ops.CreateAsync(new NewProject("c", TaskTypes.AudioClassification), Ct));
        // The earlier reserved name is an alias of image-objects.
        Assert.Equal(TaskTypes.ImageObjects, (await ops.CreateAsync(new NewProject("c", TaskTypes.ImageBoxesAlias), Ct)).TaskType);
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "A project needs a name.", () => ops.CreateAsync(new NewProject("  "), Ct));
    }

    [Fact]
    public async Task Get_by_id_or_name_and_delete_cascades()
    {
        await using var t = await TestDb.CreateAsync();
        var ops = t.Get<ProjectOperations>();
        var project = await t.ProjectAsync("news");
        await Seed.ItemsAsync(t, project.Id, 3);
        Assert.Equal(project.Id, (await ops.GetAsync("news", Ct)).Id);
        Assert.Equal(project.Id, (await ops.GetAsync(project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)).Id);
        await ops.DeleteAsync(project.Id, Ct);
        Assert.Empty(t.Db.Items);
        Assert.Empty(t.Db.Labels);
        await ErrorAssert.FailsAsync(ErrorKind.NotFound, "No project 'news'.", () => ops.GetAsync("news", Ct));
    }

    [Fact]
    public async Task Guidelines_are_stored_as_markdown()
    {
        await using var t = await TestDb.CreateAsync();
        var project = await t.ProjectAsync();
        await t.Get<ProjectOperations>().UpdateGuidelinesAsync(project.Id, "# Rules\n* be kind", ct: Ct);
        Assert.Equal("# Rules\n* be kind", (await t.Get<ProjectOperations>().GetAsync(project.Id, Ct)).Guidelines);
    }
}
