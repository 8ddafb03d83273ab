using System.Text.Json;

namespace Labelforge.Cli.Tests;

/// <summary>Runs the CLI in-process on plain files (no project database) and captures exit code, stdout and stderr.</summary>
internal static class FileCli
{
    public static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await LabelforgeCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static JsonElement Json(string stdout) => JsonDocument.Parse(stdout).RootElement;
}
