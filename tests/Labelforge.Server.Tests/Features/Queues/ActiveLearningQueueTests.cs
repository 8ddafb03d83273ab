using System.Net;
using System.Text;
using System.Text.Json;
using Labelforge.Server.Features.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Labelforge.Server.Tests.Features.Queues;

/// <summary>
/// The server's active-learning queue. The fake clock never advances, so the background loop never ticks: each test
/// triggers the retrain pass itself (<see cref="QueueRetrainCoordinator.RunDueAsync"/>), deterministically.
/// </summary>
public class ActiveLearningQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private static string[] Words { get; } = ["prize", "cash", "winner", "offer", "meeting", "lunch", "report", "family"];

    // Spam items talk about prizes and cash, ham items about meetings and lunch; a few words of each mix in.
    private static string Text(int i) =>
        $"{(i % 2 == 0 ? "claim your prize cash winner" : "see you at the meeting after lunch")} {Words[i * 7 % Words.Length]} note {i}";

    private static async Task<(long Project, long[] Items)> ProjectAsync(TestServer s, int count)
    {
        var id = (await s.PostAsync("/api/projects", new { name = "al", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        var rows = string.Concat(Enumerable.Range(0, count).Select(i => JsonSerializer.Serialize(new { text = Text(i), id = $"x{i}" }) + "\n"));
        using var body = new StringContent(rows, Encoding.UTF8, "application/x-ndjson");
        using var upload = await s.Client.PostAsync($"/api/projects/{id}/import?filename=items.jsonl&id_field=id", body, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var items = (await s.GetAsync($"/api/projects/{id}/items")).GetProperty("items").EnumerateArray()
            .Select(i => (Id: i.GetProperty("id").GetInt64(), Ext: i.GetProperty("external_id").GetString()!))
            .OrderBy(i => int.Parse(i.Ext[1..], System.Globalization.CultureInfo.InvariantCulture)).Select(i => i.Id).ToArray();
        return (id, items);
    }

    private static async Task<JsonElement> LabelAsync(TestServer s, long project, long item, int index) =>
        await (await s.AsAsync("alice")).PostAsync($"/api/projects/{project}/annotations", new { item_id = item, author = "alice", labels = new[] { index % 2 == 0 ? "spam" : "ham" } });

    private static async Task<long[]> NextAsync(TestServer s, long project, string annotator, int count) =>
        (await (await s.AsAsync(annotator)).PostAsync($"/api/projects/{project}/queue/next", new { annotator, count }, 200))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();

    [Fact]
    public async Task A_retrain_happens_after_N_new_labels_and_then_orders_the_queue()
    {
        await using var s = await TestServer.StartAsync(time: Clock());
        var (project, items) = await ProjectAsync(s, 40);
        var coordinator = s.Services.GetRequiredService<QueueRetrainCoordinator>();
        var settings = await s.PutAsync($"/api/projects/{project}/queue/settings", new { strategy = "margin", retrain_every = 6 });
        Assert.Equal("margin", settings.GetProperty("strategy").GetString());

        for (var i = 0; i < 5; i++)
            await LabelAsync(s, project, items[i], i);
        Assert.Empty(await coordinator.RunDueAsync(Ct));
        var before = await s.GetAsync($"/api/projects/{project}/queue/status");
        Assert.False(before.GetProperty("model_ready").GetBoolean());
        Assert.Contains("seeded-random", before.GetProperty("message").GetString(), StringComparison.Ordinal);

        await LabelAsync(s, project, items[5], 5);
        var retrains = await coordinator.RunDueAsync(Ct);

        var result = Assert.Single(retrains);
        Assert.True(result.ModelTrained);
        Assert.Equal(34, result.PoolItems);
        Assert.Empty(await coordinator.RunDueAsync(Ct)); // nothing new since
        var status = await s.GetAsync($"/api/projects/{project}/queue/status");
        Assert.True(status.GetProperty("model_ready").GetBoolean());
        Assert.Equal(1, status.GetProperty("retrain_count").GetInt32());
        Assert.Equal(6, status.GetProperty("labels_at_last_retrain").GetInt32());
        Assert.Equal(12, status.GetProperty("next_retrain_at_labels").GetInt32());
        // The texts differ only in their number, which min_df drops: 8 distinct vectors, and one item of each is ranked.
        Assert.Equal(8, status.GetProperty("ranked_items").GetInt32());
        Assert.StartsWith("2026-11-28T09:00:00", status.GetProperty("last_retrain_at").GetString(), StringComparison.Ordinal);

        var ranked = await RankedAsync(s, project);
        Assert.Equal(ranked[..5], await NextAsync(s, project, "bob", 5));
    }

    [Fact]
    public async Task The_ranking_and_kappa_history_survive_a_restart()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lf-al-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            long project;
            long[] ranked;
            await using (var s = await TestServer.StartAsync(time: Clock(), dir: dir))
            {
                long[] items;
                (project, items) = await ProjectAsync(s, 30);
                await s.PutAsync($"/api/projects/{project}/queue/settings", new { strategy = "uncertainty-diversity", retrain_every = 4, batch_size = 3 });
                for (var i = 0; i < 8; i++)
                {
                    await LabelAsync(s, project, items[i], i);
                    await s.Services.GetRequiredService<QueueRetrainCoordinator>().RunDueAsync(Ct);
                }
                ranked = await RankedAsync(s, project);
            }

            await using var again = await TestServer.StartAsync(time: Clock(), dir: dir);
            var status = await again.GetAsync($"/api/projects/{project}/queue/status");
            Assert.Equal(2, status.GetProperty("retrain_count").GetInt32());
            Assert.Equal(1, status.GetProperty("kappas").GetArrayLength());
            Assert.Equal(ranked[..4], await NextAsync(again, project, "carol", 4));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task One_class_gives_no_model_and_a_forced_retrain_reports_it()
    {
        await using var s = await TestServer.StartAsync(time: Clock());
        var (project, items) = await ProjectAsync(s, 10);
        await s.PutAsync($"/api/projects/{project}/queue/settings", new { strategy = "entropy", retrain_every = 2 });
        await LabelAsync(s, project, items[0], 0);
        await LabelAsync(s, project, items[2], 2);

        var status = await s.PostAsync($"/api/projects/{project}/queue/retrain", new { }, 200);

        Assert.False(status.GetProperty("model_ready").GetBoolean());
        Assert.Contains("2 classes", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        await s.PutAsync($"/api/projects/{project}/queue/settings", new { strategy = "telepathy" }, 400);
        await s.PutAsync($"/api/projects/{project}/queue/settings", new { retrain_every = 0 }, 400);
        await s.GetAsync("/api/projects/999/queue/status", 404);
    }

    // The ranked order as the server stored it in queue_ranks.
    private static async Task<long[]> RankedAsync(TestServer s, long project)
    {
        var store = await Labelforge.Storage.LabelforgeStore.OpenSqliteAsync(s.DbPath, Ct);
        await using var db = store.CreateDb();
        return db.QueueRanks.Where(r => r.ProjectId == project).OrderBy(r => r.Rank).Select(r => r.ItemId).ToArray();
    }
}
