using Labelforge.Core.Common;
using Labelforge.Core.Models;

namespace Labelforge.Core.Tests.Models;

public class ModelOperationsTests
{
    [Fact]
    public async Task Versions_count_up_per_name_and_list_newest_first_without_blobs()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ct = TestContext.Current.CancellationToken;
        await ModelFixtures.VersionAsync(t, p.Id, "a");
        t.Time.Advance(TimeSpan.FromMinutes(1));
        var a2 = await ModelFixtures.VersionAsync(t, p.Id, "a");
        var b1 = await ModelFixtures.VersionAsync(t, p.Id, "b");
        var ops = t.Get<ModelOperations>();

        Assert.Equal(2, a2.Version);
        Assert.Equal(1, b1.Version);
        Assert.Equal("model:a@2", a2.Author);
        Assert.Equal(t.Time.GetUtcNow(), a2.CreatedAt);
        var all = await ops.ListAsync(p.Id, ct: ct);
        Assert.Equal(["model:b@1", "model:a@2", "model:a@1"], all.Select(v => v.Author));
        Assert.Equal(0.9, all[0].Metrics.GetProperty("accuracy").GetDouble());
        Assert.Equal(2, (await ops.ListAsync(p.Id, "a", ct)).Count);
    }

    [Fact]
    public async Task Get_finds_the_latest_a_pinned_version_or_the_newest_model()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ct = TestContext.Current.CancellationToken;
        await ModelFixtures.VersionAsync(t, p.Id, "a");
        await ModelFixtures.VersionAsync(t, p.Id, "a");
        await ModelFixtures.VersionAsync(t, p.Id, "b");
        var ops = t.Get<ModelOperations>();

        Assert.Equal(2, (await ops.GetAsync(p.Id, "a", ct)).Version);
        Assert.Equal(1, (await ops.GetAsync(p.Id, "a@1", ct)).Version);
        Assert.Equal([1, 2, 3], (await ops.GetAsync(p.Id, "a@1", ct)).Blob);
        Assert.Equal("b", (await ops.GetAsync(p.Id, null, ct)).Name);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<LabelforgeException>(() => ops.GetAsync(p.Id, "zzz", ct))).Kind);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<LabelforgeException>(() => ops.GetAsync(p.Id, "a@9", ct))).Kind);
        Assert.Equal(ErrorKind.Invalid, (await Assert.ThrowsAsync<LabelforgeException>(() => ops.GetAsync(p.Id, "a@x", ct))).Kind);
    }

    [Fact]
    public async Task Bad_names_and_kinds_are_refused()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Model name 'has space' must be 1-100 characters", () => ModelFixtures.VersionAsync(t, p.Id, "has space"));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Model name 'a@b' must be 1-100 characters", () => ModelFixtures.VersionAsync(t, p.Id, "a@b"));
    }
}
