using System.Net;
using System.Text;
using System.Text.Json;

namespace Labelforge.Server.Tests.Features.Models;

public class ModelEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<long> LabeledProjectAsync(TestServer s, int count, int labeled)
    {
        var project = await s.PostAsync("/api/projects", new { name = "m", labels = new[] { "ham", "spam" } });
        var id = project.GetProperty("id").GetInt64();
        var random = new Random(5);
        var rows = string.Concat(Enumerable.Range(0, count).Select(i =>
        {
            var spam = random.NextDouble() < 0.5;
            var text = spam ? $"win cash prize now {random.Next(100)} claim #{i}" : $"see you at lunch {random.Next(100)} thanks #{i}";
            return JsonSerializer.Serialize(i < labeled ? new { id = $"x{i}", text, label = spam ? "spam" : "ham" } : (object)new { id = $"x{i}", text }) + "\n";
        }));
        using var body = new StringContent(rows, Encoding.UTF8, "application/x-ndjson");
        using var upload = await s.Client.PostAsync($"/api/projects/{id}/import?filename=items.jsonl&id_field=id&label_field=label", body, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        return id;
    }

    [Fact]
    public async Task Train_list_predict_and_auto_accept_over_http()
    {
        await using var s = await TestServer.StartAsync();
        var id = await LabeledProjectAsync(s, 120, 80);

        var trained = await s.PostAsync($"/api/projects/{id}/models/train", new { name = "web", seed = 2 });
        Assert.Equal("model:web@1", trained.GetProperty("author").GetString());
        Assert.True(trained.GetProperty("metrics").GetProperty("accuracy").GetDouble() > 0.9);
        await s.PostAsync($"/api/projects/{id}/models/train", new { name = "web" });
        var list = await s.GetAsync($"/api/projects/{id}/models?name=web");
        Assert.Equal([2, 1], list.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.False(list[0].TryGetProperty("blob", out _));

        var predicted = await s.PostAsync($"/api/projects/{id}/models/predict", new { model = "web@1", only_unlabeled = true }, 200);
        Assert.Equal(40, predicted.GetProperty("predicted").GetInt32());
        var accept = await s.PostAsync($"/api/projects/{id}/models/auto-accept", new { model = "web@1", dry_run = true }, 200);
        Assert.Equal(40, accept.GetProperty("predicted_unlabeled").GetInt32());
        Assert.Equal(JsonValueKind.Null, accept.GetProperty("threshold").GetProperty("threshold").ValueKind); // 16 held-out items prove little
    }

    [Fact]
    public async Task Bad_model_requests_are_problem_details()
    {
        await using var s = await TestServer.StartAsync();
        var id = await LabeledProjectAsync(s, 10, 0);
        await s.PostProblemAsync($"/api/projects/{id}/models/train", new { model = "forest" }, 400, "Invalid request", "Unknown model kind 'forest'");
        await s.PostProblemAsync($"/api/projects/{id}/models/train", new { }, 400, "Invalid request", "Training needs human labels of at least two classes");
        await s.PostProblemAsync($"/api/projects/{id}/models/predict", new { model = "nope" }, 404, "Not found", "No model 'nope' in this project.");
        await s.PostProblemAsync("/api/projects/999/models/train", new { }, 404, "Not found", "No project with id 999.");
    }
}
