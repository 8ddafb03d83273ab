using System.Text.Json;

namespace Labelforge.Cli.Tests.Consensus;

/// <summary>Runs the CLI in-process and captures what it printed.</summary>
internal static class CliRun
{
    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Consensus", "TestData", name);

    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await LabelforgeCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static async Task<JsonElement> JsonAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
