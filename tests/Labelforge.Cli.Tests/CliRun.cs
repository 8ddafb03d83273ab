using System.Text.Json;

namespace Labelforge.Cli.Tests;

/// <summary>Runs `labelforge` in-process with captured stdout/stderr, in a temp folder with its own database.</summary>
internal sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Dir = Path.Combine(Path.GetTempPath(), "lf-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; }

    public string Db => Path.Combine(Dir, "cli.db");

    public string File(string name, string content)
    {
        var path = Path.Combine(Dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var withDb = args.Contains("--db") || args.Contains("aggregate") || args.Contains("agreement") ? args : [.. args, "--db", Db];
        var code = await LabelforgeCli.RunAsync(withDb, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        var (code, output, error) = await RunAsync([.. args, "--json"]);
        Assert.True(code == 0, $"exit {code}: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
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
