using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Labelforge.Server.Tests.Features.LabelingFunctions;

/// <summary>What an LF set may reach on the server: files inside the LF files folder only, C# in a worker process only.</summary>
public class LabelingFunctionSandboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestServer Server, long Project)> SeedAsync()
    {
        var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "spam", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        using var body = new StringContent("id,text\na1,win money now\na2,thanks for the song\n", Encoding.UTF8, "text/csv");
        using var upload = await s.Client.PostAsync($"/api/projects/{id}/import?filename=items.csv&id_field=id", body, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        return (s, id);
    }

    private static async Task<(HttpStatusCode Status, string Body)> SaveAsync(TestServer s, long id, string yaml)
    {
        using var response = await s.Client.PostAsJsonAsync($"/api/projects/{id}/labeling-function-sets/rules/versions", new { yaml }, TestServer.Json, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("lookup", "../server.db")]
    [InlineData("csharp", "../server.db")]
    [InlineData("csharp", "../../../../../../../../etc/passwd")]
    [InlineData("lookup", "/etc/passwd")]
    [InlineData("csharp", "missing.cs")]
    public async Task Lf_files_outside_the_lf_files_folder_are_refused_without_contents_or_server_paths(string kind, string file)
    {
        var (s, id) = await SeedAsync();
        await using var _ = s;
        var label = kind == "lookup" ? ", label: spam" : "";
        var (status, body) = await SaveAsync(s, id, $"labels: [ham, spam]\nfunctions:\n  - {{name: f, kind: {kind}, file: '{file}'{label}}}\n");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(file, body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetDirectoryName(s.DbPath)!, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_inside_the_lf_files_folder_beside_the_database_are_read()
    {
        var (s, id) = await SeedAsync();
        await using var _ = s;
        var folder = Directory.CreateDirectory(Path.ChangeExtension(s.DbPath, ".lf-files")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "money.txt"), "money\n", Ct);
        var (status, _) = await SaveAsync(s, id, "labels: [ham, spam]\nfunctions:\n  - {name: f, kind: lookup, file: money.txt, label: spam}\n");
        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task A_stack_overflowing_csharp_function_fails_its_apply_and_the_server_keeps_serving()
    {
        var (s, id) = await SeedAsync();
        await using var _ = s;
        const string deep = """
            labels: [ham, spam]
            functions:
              - name: deep
                kind: csharp
                code: |
                  public static class F
                  {
                      public static int Deep(LabelingFunctionDocument d) => Recurse(1);
                      private static int Recurse(int n) => Recurse(n + 1) + 1;
                  }
            """;
        Assert.Equal(HttpStatusCode.Created, (await SaveAsync(s, id, deep)).Status);
        using var apply = await s.Client.PostAsJsonAsync($"/api/projects/{id}/labeling-function-sets/rules/apply", new { }, TestServer.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, apply.StatusCode);
        Assert.Contains("stack overflow", await apply.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // The server process is still there, and a sound set applies on a fresh worker.
        Assert.Equal(HttpStatusCode.Created, (await SaveAsync(s, id, deep.Replace("Recurse(1)", "1", StringComparison.Ordinal))).Status);
        var applied = await s.PostAsync($"/api/projects/{id}/labeling-function-sets/rules/apply", new { }, expectStatus: 200);
        Assert.Equal(2, applied.GetProperty("items").GetInt32());
    }

    [Fact]
    public async Task Csharp_reaching_for_files_is_refused_when_saved()
    {
        var (s, id) = await SeedAsync();
        await using var _ = s;
        var (status, body) = await SaveAsync(s, id, """
            labels: [ham, spam]
            functions:
              - name: sneaky
                kind: csharp
                code: |
                  public static class F { public static int Read(LabelingFunctionDocument d) => System.IO.File.ReadAllText("/etc/passwd").Length; }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("System.IO.File", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
    }
}
