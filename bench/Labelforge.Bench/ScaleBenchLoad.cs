using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Server.Hosting;
using Labelforge.Tests;

namespace Labelforge.Bench;

/// <summary>
/// The scale suite's requests against a running server: each returns the latencies it measured, in milliseconds. Every
/// annotator is a user with a bearer token (<see cref="TestAccounts"/>), so the times include authenticating each request.
/// </summary>
internal sealed class ScaleBenchLoad(LabelforgeServer server, HttpClient http, long projectId)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new();
    private int _annotators;

    private Task<HttpClient> ClientAsync(string annotator) =>
        _clients.GetOrAdd(annotator, name => new Lazy<Task<HttpClient>>(() => TestAccounts.ClientAsync(server, name))).Value;

    /// <summary>Claims one item at a time as a new annotator in <paramref name="strategy"/> order and labels it: claim and submit times.</summary>
    public async Task<(List<double> Next, List<double> Submit)> ClaimAndLabelAsync(string strategy, int rounds)
    {
        var annotator = $"bench-{Interlocked.Increment(ref _annotators)}";
        var next = new List<double>(rounds);
        var submit = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var (ms, ids) = await NextAsync(annotator, strategy);
            next.Add(ms);
            foreach (var id in ids)
                submit.Add(await SubmitAsync(annotator, id, i));
        }
        return (next, submit);
    }

    /// <summary>GETs <paramref name="path"/> <paramref name="times"/> times, as the admin or as <paramref name="annotator"/>.</summary>
    public async Task<List<double>> GetAsync(string path, int times, string? annotator = null)
    {
        var client = annotator is null ? http : await ClientAsync(annotator);
        var ms = new List<double>(times);
        for (var i = 0; i < times; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            ms.Add(sw.Elapsed.TotalMilliseconds);
        }
        return ms;
    }

    /// <summary>
    /// <paramref name="annotators"/> annotators at once, each claiming and labeling <paramref name="rounds"/> items:
    /// claim times, and how many items were handed to more than one annotator (every claimed item is labeled at once,
    /// so a second claim of it would be a double lease).
    /// </summary>
    public async Task<(List<double> Next, int DoubleLeases)> ConcurrentAsync(string strategy, int annotators, int rounds)
    {
        var owners = new ConcurrentDictionary<long, string>();
        var doubles = 0;
        var times = new ConcurrentBag<double>();
        await Task.WhenAll(Enumerable.Range(0, annotators).Select(_ => Task.Run(async () =>
        {
            var annotator = $"crowd-{Interlocked.Increment(ref _annotators)}";
            for (var i = 0; i < rounds; i++)
            {
                var (ms, ids) = await NextAsync(annotator, strategy);
                times.Add(ms);
                foreach (var id in ids)
                {
                    if (!owners.TryAdd(id, annotator))
                        Interlocked.Increment(ref doubles);
                    await SubmitAsync(annotator, id, i);
                }
            }
        })));
        return ([.. times], doubles);
    }

    private async Task<(double Ms, List<long> Ids)> NextAsync(string annotator, string strategy)
    {
        var client = await ClientAsync(annotator);
        var sw = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/queue/next", new { annotator, count = 1, strategy, seed = 7 });
        var body = await response.Content.ReadAsStringAsync();
        var ms = sw.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(body);
        return (ms, doc.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList());
    }

    private async Task<double> SubmitAsync(string annotator, long itemId, int i)
    {
        var client = await ClientAsync(annotator);
        var sw = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/annotations",
            new { item_id = itemId, author = annotator, labels = new[] { i % 2 == 0 ? "a" : "b" } });
        await response.Content.ReadAsByteArrayAsync();
        var ms = sw.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        return ms;
    }

    /// <summary>Every queue order the server has: import order, seeded random and the active-learning ones.</summary>
    public static IReadOnlyList<string> Strategies => QueueStrategies.Names;
}
