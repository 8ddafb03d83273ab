namespace Labelforge.Cli.Tests.Queues;

public class QueueCommandTests
{
    [Fact]
    public async Task Set_show_and_retrain_an_active_learning_queue()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "sms", "--labels", "ham,spam");
        var rows = string.Concat(Enumerable.Range(0, 24).Select(i =>
            i % 2 == 0 ? $"win cash prize {i},{(i < 8 ? "spam" : "")}\n" : $"lunch at noon {i},{(i < 8 ? "ham" : "")}\n"));
        await cli.JsonAsync("import", "sms", cli.File("sms.csv", "text,label\n" + rows), "--label-field", "label");

        var set = await cli.JsonAsync("queue", "set", "sms", "--strategy", "margin", "--retrain-every", "5", "--seed", "3");
        Assert.Equal("margin", set.GetProperty("settings").GetProperty("strategy").GetString());
        Assert.Equal(5, set.GetProperty("settings").GetProperty("retrain_every").GetInt32());
        var before = (await cli.JsonAsync("queue", "show", "sms")).GetProperty("status");
        Assert.False(before.GetProperty("model_ready").GetBoolean());
        Assert.Equal(8, before.GetProperty("labeled_items").GetInt32());

        var retrain = await cli.JsonAsync("queue", "retrain", "sms");

        Assert.True(retrain.GetProperty("retrain").GetProperty("model_trained").GetBoolean());
        Assert.Equal(16, retrain.GetProperty("retrain").GetProperty("pool_items").GetInt32());
        var after = (await cli.JsonAsync("queue", "show", "sms")).GetProperty("status");
        Assert.Equal(1, after.GetProperty("retrain_count").GetInt32());
        Assert.Equal(13, after.GetProperty("next_retrain_at_labels").GetInt32());
    }

    [Fact]
    public async Task Unknown_strategies_and_retraining_a_fixed_order_fail_with_the_reason()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "a,b");

        var (code, _, error) = await cli.RunAsync("queue", "set", "p", "--strategy", "psychic");
        Assert.NotEqual(0, code);
        Assert.Contains("psychic", error, StringComparison.Ordinal);
        (code, _, error) = await cli.RunAsync("queue", "retrain", "p");
        Assert.Equal(1, code);
        Assert.Contains("active-learning strategy", error, StringComparison.Ordinal);
    }
}
