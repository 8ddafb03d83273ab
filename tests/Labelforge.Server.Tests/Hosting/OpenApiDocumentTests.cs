using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Labelforge.Tests;

namespace Labelforge.Server.Tests.Hosting;

/// <summary>
/// The web client's API types are generated from web/openapi.json (`npm run api`, checked by `npm test`); this
/// test keeps that copy equal to the document the server serves, so the types cannot drift from the server.
/// </summary>
public class OpenApiDocumentTests
{
    private const string UpdateVariable = "LABELFORGE_UPDATE_OPENAPI";

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public async Task Web_client_copy_of_the_OpenAPI_document_equals_the_served_one()
    {
        await using var s = await TestServer.StartAsync();
        var served = Normalized(await s.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var path = Path.Combine(TestPaths.RepoRoot, "web", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            await File.WriteAllTextAsync(path, served, TestContext.Current.CancellationToken);

        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n") : "";
        Assert.True(committed == served,
            $"web/openapi.json is not the server's /openapi/v1.json. Run `{UpdateVariable}=1 dotnet test tests/Labelforge.Server.Tests --filter OpenApiDocumentTests`, " +
            "then `npm run api` in web/, and commit both files.");
    }

    [Fact]
    public void Normalized_document_leaves_out_the_server_address_and_ends_with_a_newline()
    {
        var text = Normalized("""{"openapi":"3.1.1","servers":[{"url":"http://127.0.0.1:5555/"}],"info":{"title":"a › b"}}""");

        Assert.Equal("{\n  \"openapi\": \"3.1.1\",\n  \"info\": {\n    \"title\": \"a › b\"\n  }\n}\n", text);
    }

    /// <summary>The document as committed: without `servers` (the test server's random port), two-space indented.</summary>
    private static string Normalized(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return document.ToJsonString(Written) + "\n";
    }
}
