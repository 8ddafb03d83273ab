using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Labelforge.Cli.Tests.Serve;

/// <summary>
/// Kills the real server process with SIGKILL in the middle of a stream of submissions, restarts it, and
/// checks that every acknowledged annotation is on disk exactly once and the database is intact.
/// </summary>
public class DurabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Acknowledged_annotations_survive_sigkill_exactly_once()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "d", "--labels", "a,b");
        var lines = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"{{\"text\":\"item {i}\"}}"));
        await cli.JsonAsync("import", "d", cli.File("items.jsonl", lines));

        // Each writer is a user with a token, made as a script's owner would: `user add`, then `token create`.
        var tokens = new string[4];
        for (var w = 0; w < 4; w++)
        {
            await cli.JsonAsync("user", "add", $"writer{w}", "--role", "admin");
            tokens[w] = (await cli.JsonAsync("token", "create", $"writer{w}")).GetProperty("token").GetString()!;
        }

        var acked = new ConcurrentDictionary<string, long>();
        using (var server = await ServerProcess.StartAsync(cli.Db))
        {
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                using var http = new HttpClient { BaseAddress = server.Address };
                TestAccounts.SignIn(http, tokens[w]);
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var requestId = $"w{w}-{n}";
                    try
                    {
                        using var r = await http.PostAsJsonAsync("/api/projects/1/annotations",
                            new { item_id = 1 + (n * 4 + w) % 200, author = $"writer{w}", labels = new[] { n % 2 == 0 ? "a" : "b" }, request_id = requestId }, Ct);
                        if ((int)r.StatusCode == 201)
                            acked[requestId] = (await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                }
            }, Ct)).ToArray();
            while (acked.Count < 300)
                await Task.Delay(10, Ct);
            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        using (var again = await ServerProcess.StartAsync(cli.Db))
        {
            using var http = new HttpClient { BaseAddress = again.Address };
            TestAccounts.SignIn(http, tokens[0]);
            var stored = new List<(string? RequestId, long Id)>();
            for (var item = 1; item <= 200; item++)
            {
                var history = await http.GetFromJsonAsync<JsonElement>($"/api/projects/1/items/{item}/annotations", Ct);
                stored.AddRange(history.EnumerateArray().Select(a => (a.GetProperty("request_id").GetString(), a.GetProperty("id").GetInt64())));
            }
            Assert.All(acked, kv => Assert.Contains((kv.Key, kv.Value), stored));
            Assert.Equal(stored.Count, stored.Select(s => s.RequestId).Distinct().Count());
        }

        await using var connection = new SqliteConnection($"Data Source={cli.Db}");
        await connection.OpenAsync(Ct);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync(Ct));
    }

    /// <summary>The `labelforge serve` executable in its own process, on a free port.</summary>
    private sealed class ServerProcess : IDisposable
    {
        private readonly Process _process;

        private ServerProcess(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<ServerProcess> StartAsync(string db)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "labelforge.dll");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { dll, "serve", "--port", "0", "--db", db })
                info.ArgumentList.Add(arg);
            var process = Process.Start(info) ?? throw new InvalidOperationException("could not start labelforge");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                const string marker = "listening on ";
                var at = line.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                    return new ServerProcess(process, new Uri(line[(at + marker.Length)..].Split(' ')[0]));
            }
            throw new InvalidOperationException("server exited: " + await process.StandardError.ReadToEndAsync(Ct));
        }

        public void Kill()
        {
            _process.Kill(entireProcessTree: true); // SIGKILL on Unix: no graceful shutdown, no flush
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
                Kill();
            _process.Dispose();
        }
    }
}
