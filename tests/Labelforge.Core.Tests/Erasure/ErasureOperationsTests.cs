using Labelforge.Core.Annotations;
using Labelforge.Core.Audit;
using Labelforge.Core.Common;
using Labelforge.Core.Erasure;
using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Core.Media;
using Labelforge.Core.Queues;
using Labelforge.Core.Tests.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Tests.Erasure;

public class ErasureOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Rules = """
        labels: [ham, spam]
        functions:
          - name: says_thanks
            kind: keyword
            keywords: [thanks]
            label: ham
        """;

    private static async Task<(TestDb T, long Project, long[] Ids)> SeedAsync()
    {
        var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ImportAsync(t, p.Id, null,
            Seed.Row(1, "thanks for the call, Ada Lovelace", "a-1", "ham"), Seed.Row(2, "thanks again", "a-2"),
            Seed.Row(3, "buy now", "a-3", "spam"), Seed.Row(4, "Ada Lovelace wrote back", "a-4"));
        var ids = await t.Db.Items.Where(i => i.ProjectId == p.Id).OrderBy(i => i.Id).Select(i => i.Id).ToArrayAsync(Ct);
        return (t, p.Id, ids);
    }

    [Fact]
    public async Task Erasing_an_item_removes_it_with_its_annotations_matrix_rows_leases_and_counts_and_leaves_a_tombstone()
    {
        var (t, p, ids) = await SeedAsync();
        await using var _ = t;
        Assert.Equal(4, (await t.Get<QueueOperations>().NextAsync(p, new QueueRequest("bob", Count: 4), Ct)).Count);
        await t.Get<AnnotationOperations>().SubmitAsync(p, new NewAnnotation(ids[0], "alice", AnnotationKind.Human, Labels: ["spam"]), Ct);
        await t.Get<LabelingFunctionProjectOperations>().ApplyAsync(p, "rules", Rules, "rules.yaml", ".", ct: Ct);
        Assert.Equal(4, await t.Db.LabelingFunctionMatrixRows.CountAsync(Ct));
        t.Get<AuditActor>().Name = "mia";

        var result = await t.Get<ErasureOperations>().EraseAsync(p, new EraseRequest(ExternalId: "a-1", Reason: "request 17"), Ct);

        Assert.Equal([new ErasedItem(ids[0], "a-1")], result.Items);
        Assert.False(result.DryRun);
        Assert.True(result.AnnotationsRemoved >= 2); // the import's label, alice's, the LF's programmatic one
        Assert.Equal(1, result.MatrixRowsRemoved);
        Assert.Equal(new ErasureCleanup(true, true, true), result.StoreCleanup);
        t.Db.ChangeTracker.Clear();
        Assert.False(await t.Db.Items.AnyAsync(i => i.Id == ids[0], Ct));
        Assert.False(await t.Db.Annotations.AnyAsync(a => a.ItemId == ids[0], Ct));
        Assert.False(await t.Db.AnnotationLabels.AnyAsync(a => a.ItemId == ids[0], Ct));
        Assert.False(await t.Db.LabelingFunctionMatrixRows.AnyAsync(r => r.ItemId == ids[0], Ct));
        Assert.False(await t.Db.ItemLeases.AnyAsync(l => l.ItemId == ids[0], Ct));
        Assert.Equal(3, await t.Db.ItemLeases.CountAsync(Ct));
        var counts = await t.Db.ProjectCounts.SingleAsync(c => c.ProjectId == p, Ct);
        Assert.Equal(3, counts.Items);
        Assert.Equal(0, counts.DecidedItems); // alice's label went with the item
        Assert.Equal(1, counts.GivenItems); // a-3's imported spam

        var tombstone = Assert.Single(await t.Get<ErasureOperations>().ListAsync(p, Ct));
        Assert.Equal((ids[0], "mia", "request 17", ErasureOperations.HashExternalId("a-1"), t.Time.GetUtcNow()),
            (tombstone.ItemId, tombstone.ErasedBy, tombstone.Reason, tombstone.ExternalIdHash, tombstone.ErasedAt));
        Assert.Equal(result.AnnotationsRemoved, tombstone.AnnotationsRemoved);
        var entry = Assert.Single((await t.Get<AuditLog>().ListAsync(new AuditQuery(Action: AuditActions.Erasure), Ct)).Events);
        Assert.Equal(("mia", (long?)p, $"item {ids[0]}"), (entry.Actor, entry.ProjectId, entry.Target));
    }

    [Fact]
    public async Task An_erased_external_id_answers_with_its_tombstone_and_an_unknown_one_is_not_found()
    {
        var (t, p, _) = await SeedAsync();
        await using var _ = t;
        var ops = t.Get<ErasureOperations>();
        await ops.EraseAsync(p, new EraseRequest(ExternalId: "a-2"), Ct);

        var again = await ops.EraseAsync(p, new EraseRequest(ExternalId: "a-2"), Ct);
        Assert.Equal(0, again.ItemCount);
        Assert.Equal(ErasureOperations.HashExternalId("a-2"), again.AlreadyErased?.ExternalIdHash);
        await ErrorAssert.FailsAsync(ErrorKind.NotFound, $"No item with external id 'nope' in project {p}, and none was erased.",
            () => ops.EraseAsync(p, new EraseRequest(ExternalId: "nope"), Ct));
    }

    [Fact]
    public async Task A_search_preview_changes_nothing_and_the_erasure_removes_every_match()
    {
        var (t, p, ids) = await SeedAsync();
        await using var _ = t;
        var ops = t.Get<ErasureOperations>();

        var preview = await ops.PreviewAsync(p, new EraseRequest(Search: "ada lovelace"), Ct);
        Assert.True(preview.DryRun);
        Assert.Equal([ids[0], ids[3]], preview.Items.Select(i => i.ItemId));
        Assert.Equal(4, await t.Db.Items.CountAsync(Ct));
        Assert.Empty(await ops.ListAsync(p, Ct));

        var erased = await ops.EraseAsync(p, new EraseRequest(Search: "ada lovelace"), Ct);
        Assert.Equal(2, erased.ItemCount);
        Assert.Equal([ids[1], ids[2]], await t.Db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToArrayAsync(Ct));
        Assert.Equal(2, (await ops.ListAsync(p, Ct)).Count);
    }

    [Theory]
    [InlineData(null, null, "Name exactly one of an external id (--item, external_id) or a search term (--search, search).")]
    [InlineData("a-1", "ada", "Name exactly one of an external id (--item, external_id) or a search term (--search, search).")]
    [InlineData(null, " ab ", "An erasure search needs at least 3 characters; 'ab' would match too much.")]
    public async Task A_request_names_exactly_one_target_and_a_search_of_some_length(string? externalId, string? search, string message)
    {
        var (t, p, _) = await SeedAsync();
        await using var _ = t;
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, message, () => t.Get<ErasureOperations>().EraseAsync(p, new EraseRequest(externalId, search), Ct));
        Assert.Equal(4, await t.Db.Items.CountAsync(Ct));
    }

    [Fact]
    public async Task Models_trained_on_the_item_lose_their_weights_and_older_ones_keep_them()
    {
        var (t, p, ids) = await SeedAsync();
        await using var _ = t;
        var firstLabel = await t.Db.Annotations.Where(a => a.ItemId == ids[0]).MinAsync(a => a.Id, Ct);
        var before = await ModelFixtures.VersionAsync(t, p, "old", through: firstLabel - 1);
        var after = await ModelFixtures.VersionAsync(t, p, "new", through: firstLabel);

        var result = await t.Get<ErasureOperations>().EraseAsync(p, new EraseRequest(ExternalId: "a-1"), Ct);

        Assert.Equal(1, result.ModelsWithdrawn);
        t.Db.ChangeTracker.Clear();
        Assert.Equal([1, 2, 3], (await t.Db.ModelVersions.SingleAsync(m => m.Id == before.Id, Ct)).Blob);
        Assert.Empty((await t.Db.ModelVersions.SingleAsync(m => m.Id == after.Id, Ct)).Blob);
    }

    [Fact]
    public async Task The_image_file_goes_when_no_other_item_uses_it()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var folder = new FolderMediaStore(Path.Combine(Path.GetDirectoryName(t.Path)!, "media"));
        var png = Path.Combine(Path.GetDirectoryName(t.Path)!, "a.png");
        await File.WriteAllBytesAsync(png, [0x89, 0x50, 0x4e, 0x47, 1, 2, 3], Ct);
        var key = await folder.AddAsync(png, ".png", reference: false, Ct);
        File.Delete(png);
        await Seed.ImportAsync(t, p.Id, null,
            Seed.Row(1, "a.png", "img-1"), Seed.Row(2, "copy of a.png", "img-2"), Seed.Row(3, "b.png", "img-3"));
        await t.Db.Items.Where(i => i.ExternalId != "img-3").ExecuteUpdateAsync(s => s.SetProperty(i => i.DataJson, $$"""{"text":null,"media":"{{key}}"}"""), Ct);
        await using var services = new ServiceCollection().AddSingleton(t.Db).AddSingleton<TimeProvider>(t.Time).AddSingleton<IMediaStore>(folder)
            .AddLabelforgeCore().BuildServiceProvider();
        var ops = services.GetRequiredService<ErasureOperations>();

        Assert.Equal(0, (await ops.EraseAsync(p.Id, new EraseRequest(ExternalId: "img-1"), Ct)).MediaFilesRemoved);
        Assert.NotNull(folder.Find(key)); // img-2 still shows it
        Assert.Equal(1, (await ops.EraseAsync(p.Id, new EraseRequest(ExternalId: "img-2"), Ct)).MediaFilesRemoved);
        Assert.Null(folder.Find(key));
    }
}
