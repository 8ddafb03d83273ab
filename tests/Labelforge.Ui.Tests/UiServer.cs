using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Labelforge.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Ui.Tests;

/// <summary>
/// The real server with the built UI on 127.0.0.1 and a temp database; it can be stopped and started again on
/// the same port and database, as an outage looks to a browser.
/// </summary>
internal sealed class UiServer : IAsyncDisposable
{
    private readonly string _dir;
    private LabelforgeServer? _server;
    private ServerOptions _options;

    private readonly bool _owner;
    private readonly List<UiServer> _views = [];

    private UiServer(string dir, LabelforgeServer server, ServerOptions options, string token, bool owner = true)
    {
        _dir = dir;
        _server = server;
        _options = options;
        _owner = owner;
        Url = server.Address.ToString().TrimEnd('/');
        Client = new HttpClient { BaseAddress = server.Address };
        TestAccounts.SignIn(Client, token);
    }

    /// <summary>The running server, to sign users in (<see cref="TestAccounts"/>).</summary>
    public LabelforgeServer Server => _server ?? throw new InvalidOperationException("The server is stopped.");

    /// <summary>The user <see cref="Client"/> is signed in as: the admin, or the one <see cref="AsAsync"/> named.</summary>
    public string UserName { get; private init; } = "admin";

    /// <summary>This server's API as <paramref name="user"/> (an admin, made if missing), e.g. to read that annotator's progress.</summary>
    public async Task<UiServer> AsAsync(string user)
    {
        if (_views.Find(v => v.UserName == user) is { } known)
            return known;
        var view = new UiServer(_dir, Server, _options, await TestAccounts.TokenAsync(Server, user), owner: false) { UserName = user };
        _views.Add(view);
        return view;
    }

    public static string WebRoot => Path.Combine(TestPaths.RepoRoot, "src", "Labelforge.Server", "wwwroot", "app");

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Url { get; }

    public HttpClient Client { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<UiServer> StartAsync()
    {
        Assert.True(File.Exists(Path.Combine(WebRoot, "index.html")), $"The web UI is not built in {WebRoot}; build src/Labelforge.Server.");
        var dir = Path.Combine(Path.GetTempPath(), "lf-ui-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var options = new ServerOptions { DbPath = Path.Combine(dir, "ui.db"), Port = 0, WebRoot = WebRoot };
        var server = await LabelforgeServer.StartAsync(options, Ct);
        return new UiServer(dir, server, options with { Port = server.Address.Port }, await TestAccounts.TokenAsync(server, "admin"));
    }

    public async Task StopAsync()
    {
        if (_server is null || !_owner)
            return;
        await _server.DisposeAsync();
        _server = null;
    }

    public async Task RestartAsync() => _server = await LabelforgeServer.StartAsync(_options, Ct);

    public async Task<JsonElement> GetAsync(string url)
    {
        var text = await Client.GetStringAsync(url, Ct);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> PostAsync(string url, object body)
    {
        using var response = await Client.PostAsJsonAsync(url, body, Json, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Imports JSONL rows {"text", "id"} through the upload endpoint.</summary>
    public async Task ImportAsync(long projectId, IEnumerable<(string Id, string Text)> rows)
    {
        var jsonl = string.Concat(rows.Select(r => JsonSerializer.Serialize(new { text = r.Text, id = r.Id }) + "\n"));
        using var body = new StringContent(jsonl, Encoding.UTF8, "application/x-ndjson");
        using var response = await Client.PostAsync($"/api/projects/{projectId}/import?filename=items.jsonl&id_field=id", body, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Imports a folder of images into the server's media store, labels from class folders when <paramref name="labelFolders"/>.</summary>
    public async Task<Core.Import.ImportReport> ImportImageFolderAsync(long projectId, string folder, bool labelFolders = false)
    {
        using var scope = _server!.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<Core.Media.IMediaStore>();
        return await scope.ServiceProvider.GetRequiredService<Core.Import.ImportOperations>().ImportAsync(projectId, folder, Core.Import.Readers.ImportFormat.ImageFolder,
            Core.Import.Readers.Images.ImageFolderReader.ReadAsync(folder, store, new Core.Import.Readers.Images.ImageFolderOptions(LabelsFromFolders: labelFolders), Ct),
            new Core.Import.ImportOptions(CreateLabels: labelFolders), ct: Ct);
    }

    public string Folder => _dir;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        foreach (var view in _views)
            await view.DisposeAsync();
        if (!_owner)
            return;
        await StopAsync();
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
