using System.Net.Http.Json;
using System.Text.Json;
using Labelforge.Server.Hosting;

namespace Labelforge.Server.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 with a fresh SQLite file per test, and a client for it.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly string _dir;
    private readonly LabelforgeServer _server;

    private TestServer(string dir, LabelforgeServer server)
    {
        _dir = dir;
        _server = server;
        Client = new HttpClient { BaseAddress = server.Address };
    }

    public HttpClient Client { get; }

    public string DbPath => Path.Combine(_dir, "server.db");

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<TestServer> StartAsync(bool demo = false)
    {
        var dir = Path.Combine(Path.GetTempPath(), "lf-server-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var server = await LabelforgeServer.StartAsync(new ServerOptions { DbPath = Path.Combine(dir, "server.db"), Port = 0, Demo = demo },
            TestContext.Current.CancellationToken);
        return new TestServer(dir, server);
    }

    public async Task<JsonElement> PostAsync(string url, object body, int expectStatus = 201)
    {
        using var response = await Client.PostAsJsonAsync(url, body, Json, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == expectStatus, $"POST {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetAsync(string url, int expectStatus = 200)
    {
        using var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == expectStatus, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
            // Leftover temp files never fail a test.
        }
    }
}
