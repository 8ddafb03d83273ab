using System.Net.Http.Json;
using System.Text.Json;
using Labelforge.Server.Hosting;

namespace Labelforge.Server.Tests;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a fresh SQLite file per test, and a client for it signed in as the admin
/// (<see cref="TestAccounts"/>); <see cref="AsAsync"/> gives the same server as another user, e.g. the annotator a label is by.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string AdminName = "admin";

    private readonly string _dir;
    private readonly LabelforgeServer _server;
    private readonly bool _ownsDir;
    private readonly bool _ownsServer;
    private readonly List<TestServer> _views = [];

    private TestServer(string dir, LabelforgeServer server, bool ownsDir, bool ownsServer, string token)
    {
        _dir = dir;
        _server = server;
        _ownsDir = ownsDir;
        _ownsServer = ownsServer;
        Client = new HttpClient { BaseAddress = server.Address };
        TestAccounts.SignIn(Client, token);
    }

    /// <summary>A client signed in as <see cref="UserName"/> by bearer token.</summary>
    public HttpClient Client { get; }

    public string UserName { get; private init; } = AdminName;

    public LabelforgeServer Server => _server;

    /// <summary>This server as <paramref name="user"/> (made an admin unless <paramref name="role"/> says otherwise).</summary>
    public async Task<TestServer> AsAsync(string user, Labelforge.Core.Accounts.InstanceRole role = Labelforge.Core.Accounts.InstanceRole.Admin)
    {
        if (_views.Find(v => v.UserName == user) is { } known)
            return known;
        var view = new TestServer(_dir, _server, ownsDir: false, ownsServer: false, await TestAccounts.TokenAsync(_server, user, role)) { UserName = user };
        _views.Add(view);
        return view;
    }

    public string DbPath => Path.Combine(_dir, "server.db");

    public IServiceProvider Services => _server.Services;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <param name="demo">Seed the demo project.</param>
    /// <param name="time">The server's clock (default: system).</param>
    /// <param name="dir">Reuse this folder's database (a restart); the caller then deletes it.</param>
    /// <param name="media">The media store (default: the folder store beside the database).</param>
    public static async Task<TestServer> StartAsync(bool demo = false, TimeProvider? time = null, string? dir = null, Core.Media.IMediaStore? media = null)
    {
        var ownsDir = dir is null;
        dir ??= Path.Combine(Path.GetTempPath(), "lf-server-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var server = await LabelforgeServer.StartAsync(new ServerOptions { DbPath = Path.Combine(dir, "server.db"), Port = 0, Demo = demo, Time = time ?? TimeProvider.System, MediaStore = media },
            TestContext.Current.CancellationToken);
        return new TestServer(dir, server, ownsDir, ownsServer: true, await TestAccounts.TokenAsync(server, AdminName));
    }

    public async Task<JsonElement> PutAsync(string url, object body, int expectStatus = 200)
    {
        using var response = await Client.PutAsJsonAsync(url, body, Json, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == expectStatus, $"PUT {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
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
        foreach (var view in _views)
            await view.DisposeAsync();
        if (!_ownsServer)
            return;
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsDir)
            return;
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
