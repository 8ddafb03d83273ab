using System.Net;
using Labelforge.Server.Hosting;

namespace Labelforge.Server.Tests.Features.Home;

public class WebUiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serves_the_ui_with_a_fallback_for_client_routes_and_keeps_the_api()
    {
        var root = Directory.CreateTempSubdirectory("lf-webroot-");
        var db = Path.Combine(root.FullName, "ui.db");
        await File.WriteAllTextAsync(Path.Combine(root.FullName, "index.html"), "<!doctype html><title>ui-shell</title>", Ct);
        Directory.CreateDirectory(Path.Combine(root.FullName, "assets"));
        await File.WriteAllTextAsync(Path.Combine(root.FullName, "assets", "app.js"), "console.log(1)", Ct);
        await using (var server = await LabelforgeServer.StartAsync(new ServerOptions { DbPath = db, Port = 0, WebRoot = root.FullName }, Ct))
        {
            using var anonymous = new HttpClient { BaseAddress = server.Address };
            Assert.Contains("ui-shell", await anonymous.GetStringAsync("/", Ct)); // the shell holds no data; its API calls need a session
            using (var refused = await anonymous.GetAsync("/api/projects", Ct))
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            using var client = await TestAccounts.ClientAsync(server, "admin");
            Assert.Contains("ui-shell", await client.GetStringAsync("/", Ct));
            Assert.Contains("ui-shell", await client.GetStringAsync("/sign-in", Ct));
            Assert.Contains("ui-shell", await client.GetStringAsync("/projects/7/annotate", Ct));
            Assert.Contains("ui-shell", await client.GetStringAsync("/audit-log", Ct));
            Assert.Contains("ui-shell", await client.GetStringAsync("/users", Ct));
            Assert.Equal("console.log(1)", await client.GetStringAsync("/assets/app.js", Ct));
            Assert.StartsWith("[", await client.GetStringAsync("/api/projects", Ct));
            using var missing = await client.GetAsync("/api/nothing-here", Ct);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        root.Delete(recursive: true);
    }
}
