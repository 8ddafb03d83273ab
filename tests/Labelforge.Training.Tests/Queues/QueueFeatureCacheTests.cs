using Labelforge.Core.Common;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Projects;
using Labelforge.Storage;
using Labelforge.Training.Queues;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Training.Tests.Queues;

/// <summary>The queue's kept features forget erased items at once: no term count of theirs and no feature only they made.</summary>
public sealed class QueueFeatureCacheTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "lf-features-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forgetting_an_item_drops_its_terms_and_the_features_only_it_shared()
    {
        var store = await LabelforgeStore.OpenSqliteAsync(Path.Combine(_dir, "f.db"), Ct);
        await using var db = store.CreateDb();
        await using var services = new ServiceCollection().AddSingleton(db).AddSingleton(TimeProvider.System).AddLabelforgeCore().BuildServiceProvider();
        var project = await services.GetRequiredService<ProjectOperations>().CreateAsync(new NewProject("p", Labels: ["a", "b"]), Ct);
        // "quill" occurs in items 1 and 2 only, so with min_df 2 it is a feature only while both are kept.
        string[] texts = ["quill ink paper", "quill ink pen", "ink pen paper", "paper pen ink"];
        ImportEntry Row(int i) => ImportEntry.Ok(new ImportRecord("mem", i + 1, $"e{i}", texts[i], "{}", []));
        await services.GetRequiredService<ImportOperations>().ImportAsync(project.Id, "mem", ImportFormat.Jsonl,
            Enumerable.Range(0, texts.Length).Select(Row).ToAsyncEnumerable(), new ImportOptions(), ct: Ct);
        var ids = await db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToArrayAsync(Ct);

        var cache = new QueueFeatureCache();
        await cache.UpdateAsync(db, project.Id, Ct);
        var before = cache.Dimension;
        Assert.True(cache.Contains(ids[0]));

        Assert.True(cache.Forget([ids[0]]));
        Assert.False(cache.Contains(ids[0]));
        Assert.Equal(3, cache.Count);
        Assert.True(cache.Dimension < before, $"{cache.Dimension} features after, {before} before"); // "quill" (and its bigrams) went
        Assert.Throws<KeyNotFoundException>(() => cache[ids[0]]);
        Assert.False(cache.Forget([ids[0], 999]));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
