using System.Text.Json;

namespace Labelforge.Server.Tests.Features.LabelErrors;

public class LabelErrorEndpointsTests
{
    private static readonly string[] SpamWords = ["win", "cash", "prize", "free", "offer", "click", "claim", "bonus"];
    private static readonly string[] HamWords = ["meeting", "lunch", "tomorrow", "project", "notes", "family", "dinner", "call"];

    [Fact]
    public async Task A_background_run_lists_flipped_labels_and_reviews_take_them_off_the_list()
    {
        await using var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "le", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        var flipped = new HashSet<int> { 3, 17, 30 };
        var rows = Enumerable.Range(0, 60).Select(i =>
        {
            var spam = i % 2 == 0;
            var words = spam ? SpamWords : HamWords;
            var text = string.Join(' ', Enumerable.Range(0, 6).Select(j => words[(i * 3 + j * 5) % words.Length])) + $" #{i}";
            return ($"m{i}", text, (string?)((spam ^ flipped.Contains(i)) ? "spam" : "ham"));
        }).ToList();
        var items = await LabelErrorsData.ImportAsync(s, id, rows);

        var started = await s.PostAsync($"/api/projects/{id}/label-errors/run", new { folds = 3 }, 202);
        Assert.Equal("running", started.GetProperty("status").GetString());
        var done = await WaitAsync(s, id);
        Assert.Equal((60, 3), (done.GetProperty("items").GetInt32(), done.GetProperty("folds_done").GetInt32()));
        var listed = done.GetProperty("errors").EnumerateArray().ToList();
        var flippedIds = flipped.Select(i => items[i]).ToHashSet();
        Assert.True(listed.Count(e => flippedIds.Contains(e.GetProperty("item_id").GetInt64())) >= 2, done.ToString());
        var top = listed.First(e => flippedIds.Contains(e.GetProperty("item_id").GetInt64()));
        Assert.StartsWith("import:", top.GetProperty("given_author").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(top.GetProperty("given").GetString(), top.GetProperty("suggested").GetString());

        var labels = await s.GetAsync($"/api/projects/{id}/labels");
        var suggestedId = labels.EnumerateArray().Single(l => l.GetProperty("name").GetString() == top.GetProperty("suggested").GetString()).GetProperty("id").GetInt64();
        var rita = await s.AsAsync("rita", Labelforge.Core.Accounts.InstanceRole.Member); // a reviewer of this project, no admin
        await TestAccounts.JoinAsync(s.Server, id, "rita", Labelforge.Core.Accounts.ProjectRole.Reviewer);
        var fix = await rita.PostAsync($"/api/projects/{id}/label-errors/reviews", new
        {
            item_id = top.GetProperty("item_id").GetInt64(), annotation_id = top.GetProperty("given_annotation_id").GetInt64(),
            reviewer = "rita", label_ids = new[] { suggestedId }, request_id = "fix-1",
        });
        Assert.Equal("fixed", fix.GetProperty("decision").GetString());
        Assert.Equal(top.GetProperty("given_annotation_id").GetInt64(), fix.GetProperty("annotation").GetProperty("supersedes_id").GetInt64());
        var other = listed.First(e => e.GetProperty("item_id").GetInt64() != top.GetProperty("item_id").GetInt64());
        var keep = await rita.PostAsync($"/api/projects/{id}/label-errors/reviews", new
        {
            item_id = other.GetProperty("item_id").GetInt64(), annotation_id = other.GetProperty("given_annotation_id").GetInt64(), reviewer = "rita",
        });
        Assert.Equal("kept", keep.GetProperty("decision").GetString());

        var after = await s.GetAsync($"/api/projects/{id}/label-errors");
        Assert.Equal(listed.Count - 2, after.GetProperty("errors").GetArrayLength());
        await s.PostAsync($"/api/projects/{id}/label-errors/run", new { folds = 3 }, 202);
        var rerun = (await WaitAsync(s, id)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("item_id").GetInt64()).ToList();
        Assert.DoesNotContain(top.GetProperty("item_id").GetInt64(), rerun);
        Assert.DoesNotContain(other.GetProperty("item_id").GetInt64(), rerun);
    }

    [Fact]
    public async Task A_project_without_enough_labels_fails_the_run_with_a_reason()
    {
        await using var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "empty", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        Assert.Equal("idle", (await s.GetAsync($"/api/projects/{id}/label-errors")).GetProperty("status").GetString());
        await s.PostAsync($"/api/projects/{id}/label-errors/run", new { }, 202);
        var failed = await WaitAsync(s, id);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("at least two classes", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        await s.PostAsync("/api/projects/999/label-errors/run", new { }, 404);
    }

    private static async Task<JsonElement> WaitAsync(TestServer s, long projectId)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var state = await s.GetAsync($"/api/projects/{projectId}/label-errors");
            if (state.GetProperty("status").GetString() != "running")
                return state;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("label-error run did not finish in 60 s");
    }
}
