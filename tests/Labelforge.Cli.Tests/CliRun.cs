using System.Text.Json;

namespace Labelforge.Cli.Tests;

/// <summary>
/// The one way tests run `labelforge`: in-process, with stdout, stderr and the exit code captured.
/// The static methods run exactly the arguments given (file commands need no database); an instance owns a temp
/// folder with its own database and its <see cref="RunAsync"/> adds <c>--db</c> for project commands.
/// </summary>
internal sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Dir = Path.Combine(Path.GetTempPath(), "lf-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; }

    public string Db => Path.Combine(Dir, "cli.db");

    /// <summary>A file copied beside the test assembly, e.g. <c>TestFile("Consensus", "TestData", "a.csv")</c>.</summary>
    public static string TestFile(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    /// <summary>A fresh path in the system temp folder for a command's output file.</summary>
    public static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), $"lf-cli-{Guid.NewGuid():N}{extension}");

    public static JsonElement Json(string stdout) => JsonDocument.Parse(stdout).RootElement.Clone();

    /// <summary>Runs exactly <paramref name="args"/>, with no database added.</summary>
    public static async Task<CliResult> ExecAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await LabelforgeCli.RunAsync(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs exactly <paramref name="args"/> with <paramref name="stdin"/> as standard input (e.g. --password-stdin).</summary>
    public static async Task<CliResult> ExecWithInputAsync(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var code = await LabelforgeCli.RunAsync(args, stdout, stderr, input);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs exactly <paramref name="args"/>, requires exit code 0 and parses stdout as JSON.</summary>
    public static async Task<JsonElement> ExecJsonAsync(params string[] args)
    {
        var (code, output, error) = await ExecAsync(args);
        Assert.True(code == 0, $"exit {code}: {error}");
        return Json(output);
    }

    public string File(string name, string content)
    {
        var path = Path.Combine(Dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Runs a project command against this run's database (unless the arguments name one).</summary>
    public Task<CliResult> RunAsync(params string[] args) => ExecAsync(args.Contains("--db") ? args : [.. args, "--db", Db]);

    /// <summary>Runs a project command with <c>--json</c>, requires exit code 0 and parses stdout.</summary>
    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        var (code, output, error) = await RunAsync([.. args, "--json"]);
        Assert.True(code == 0, $"exit {code}: {error}");
        return Json(output);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Dir, true);
        }
        catch (IOException)
        {
            // Leftover temp files never fail a test.
        }
    }
}
