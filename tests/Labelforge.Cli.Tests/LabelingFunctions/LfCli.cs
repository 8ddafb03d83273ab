namespace Labelforge.Cli.Tests.LabelingFunctions;

/// <summary>Runs the CLI in-process on the labeling-function test files and captures exit code, stdout and stderr.</summary>
internal static class LfCli
{
    public static string TestData => Path.Combine(AppContext.BaseDirectory, "LabelingFunctions", "TestData");

    public static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await LabelforgeCli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), $"lf-cli-{Guid.NewGuid():N}{extension}");
}
