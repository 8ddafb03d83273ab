using System.Text.Json;

namespace Labelforge.Cli.Tests.Models;

public class ModelWorkflowTests
{
    private static readonly string[] SpamWords = ["win", "prize", "cash", "claim", "free", "urgent", "offer", "call now"];
    private static readonly string[] HamWords = ["meeting", "lunch", "tomorrow", "thanks", "see you", "dinner", "home", "later"];
    private static readonly string[] Filler = ["the", "a", "you", "we", "today", "so", "ok", "and"];

    /// <summary>Seeded texts whose class shows in a few topic words; the first <paramref name="labeled"/> carry a label.</summary>
    private static string Jsonl(int count, int labeled, int seed)
    {
        var random = new Random(seed);
        return string.Join('\n', Enumerable.Range(0, count).Select(i =>
        {
            var spam = random.NextDouble() < 0.4;
            var words = Enumerable.Range(0, 7).Select(_ => random.NextDouble() < 0.4
                ? (spam ? SpamWords : HamWords)[random.Next(8)]
                : Filler[random.Next(Filler.Length)]);
            var text = $"{string.Join(' ', words)} #{i}";
            return i < labeled
                ? JsonSerializer.Serialize(new { id = $"m{i}", text, label = spam ? "spam" : "ham" })
                : JsonSerializer.Serialize(new { id = $"m{i}", text });
        }));
    }

    private static async Task<CliRun> ProjectAsync(int count, int labeled)
    {
        var cli = new CliRun();
        await cli.JsonAsync("project", "create", "sms", "--labels", "ham,spam");
        await cli.JsonAsync("import", "sms", cli.File("sms.jsonl", Jsonl(count, labeled, seed: 4)), "--id-field", "id", "--label-field", "label");
        return cli;
    }

    [Fact]
    public async Task Train_predict_and_auto_accept_run_end_to_end()
    {
        using var cli = await ProjectAsync(1000, 800);

        var trained = await cli.JsonAsync("train", "sms", "--test-fraction", "0.25", "--seed", "3");
        Assert.Equal("linear", trained.GetProperty("model").GetString());
        Assert.Equal(1, trained.GetProperty("version").GetInt32());
        Assert.Equal(800, trained.GetProperty("training_items").GetInt32());
        var metrics = trained.GetProperty("metrics");
        Assert.True(metrics.GetProperty("accuracy").GetDouble() > 0.9, metrics.ToString());
        Assert.Equal(200, metrics.GetProperty("items").GetInt32());
        Assert.True(metrics.GetProperty("per_class_f1").GetProperty("spam").GetDouble() > 0.85);
        Assert.True(metrics.TryGetProperty("ece", out _));

        var predicted = await cli.JsonAsync("predict", "sms", "--model", "linear@1", "--batch", "300");
        Assert.Equal("model:linear@1", predicted.GetProperty("author").GetString());
        Assert.Equal(1000, predicted.GetProperty("predicted").GetInt32());
        Assert.Equal(0, (await cli.JsonAsync("predict", "sms")).GetProperty("predicted").GetInt32());

        var dry = await cli.JsonAsync("auto-accept", "sms", "--dry-run");
        Assert.Equal(200, dry.GetProperty("held_out_verified").GetInt32());
        Assert.Equal(200, dry.GetProperty("unlabeled").GetInt32());
        Assert.True(dry.GetProperty("threshold").ValueKind == JsonValueKind.Number, dry.ToString());
        Assert.True(dry.GetProperty("lower_bound").GetDouble() >= 0.98);
        var covered = dry.GetProperty("covered").GetInt32();
        Assert.True(covered > 0);
        Assert.Equal(0, dry.GetProperty("accepted").GetInt32());

        var run = await cli.JsonAsync("auto-accept", "sms", "--model", "linear@1");
        Assert.Equal(covered, run.GetProperty("accepted").GetInt32());

        var second = await cli.JsonAsync("train", "sms");
        Assert.Equal(2, second.GetProperty("version").GetInt32());

        var listed = (await cli.JsonAsync("models", "sms")).GetProperty("models").EnumerateArray().ToList();
        Assert.Equal([2, 1], listed.Select(m => m.GetProperty("version").GetInt32()));
        Assert.All(listed, m => Assert.Equal("linear", m.GetProperty("name").GetString()));
        Assert.InRange(listed[0].GetProperty("metrics").GetProperty("accuracy").GetDouble(), 0, 1);
        var (code, text, _) = await cli.RunAsync("models", "sms");
        Assert.Equal(0, code);
        Assert.Contains("linear@2", text, StringComparison.Ordinal);
        Assert.Contains("macro-F1", text, StringComparison.Ordinal);
        Assert.Empty((await cli.JsonAsync("models", "sms", "--name", "other")).GetProperty("models").EnumerateArray());
    }

    [Fact]
    public async Task Predict_only_unlabeled_and_a_strict_target_leave_everything_for_people()
    {
        using var cli = await ProjectAsync(140, 100);
        await cli.JsonAsync("train", "sms", "--name", "small");

        Assert.Equal(40, (await cli.JsonAsync("predict", "sms", "--only-unlabeled")).GetProperty("predicted").GetInt32());
        var result = await cli.JsonAsync("auto-accept", "sms", "--target-precision", "0.99");

        Assert.Equal(JsonValueKind.Null, result.TryGetProperty("threshold", out var t) ? t.ValueKind : JsonValueKind.Null);
        Assert.Equal(0, result.GetProperty("accepted").GetInt32());
        Assert.True(result.GetProperty("minimum_verified").GetInt32() > 100);
    }

    [Fact]
    public async Task Missing_models_and_unlabeled_projects_fail_with_a_clear_message()
    {
        using var cli = await ProjectAsync(30, 0);

        var (code, _, error) = await cli.RunAsync("predict", "sms");
        Assert.Equal(1, code);
        Assert.Contains("labelforge train", error, StringComparison.Ordinal);
        (code, _, error) = await cli.RunAsync("train", "sms");
        Assert.Equal(1, code);
        Assert.Contains("two classes", error, StringComparison.Ordinal);
        (code, _, error) = await cli.RunAsync("train", "sms", "--model", "forest");
        Assert.NotEqual(0, code);
        Assert.Contains("'forest'", error, StringComparison.Ordinal);
        Assert.Contains("embedding-linear", error, StringComparison.Ordinal); // names the kinds that exist
    }
}
