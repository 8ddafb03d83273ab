using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Labelforge.Server.Tests.Features.Import;

/// <summary>An upload still arriving holds no database lock: other clients write meanwhile.</summary>
public class SlowUploadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A body that sends its first rows, then waits until released before sending the rest.</summary>
    private sealed class StalledContent(byte[] head, byte[] tail, Task release) : HttpContent
    {
        public TaskCompletionSource Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(head);
            await stream.FlushAsync();
            Sent.TrySetResult();
            await release;
            await stream.WriteAsync(tail);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    [Fact]
    public async Task A_slow_import_upload_in_progress_does_not_block_another_clients_write()
    {
        await using var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "p", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        using (var seed = new StringContent("{\"text\":\"one\",\"id\":\"a\"}\n", Encoding.UTF8, "application/x-ndjson"))
            (await s.Client.PostAsync($"/api/projects/{id}/import?filename=i.jsonl&id_field=id", seed, Ct)).EnsureSuccessStatusCode();
        var item = (await s.GetAsync($"/api/projects/{id}/items")).GetProperty("items")[0].GetProperty("id").GetInt64();

        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var head = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i => $"{{\"text\":\"row {i}\",\"id\":\"b{i}\"}}\n")));
        var tail = Encoding.UTF8.GetBytes("{\"text\":\"last\",\"id\":\"z\"}\n");
        using var slow = new StalledContent(head, tail, release.Task);
        slow.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        using var uploader = new HttpClient { BaseAddress = s.Server.Address, Timeout = TimeSpan.FromMinutes(5) };
        uploader.DefaultRequestHeaders.Authorization = s.Client.DefaultRequestHeaders.Authorization;
        var upload = uploader.PostAsync($"/api/projects/{id}/import?filename=slow.jsonl&id_field=id", slow, Ct);
        await slow.Sent.Task.WaitAsync(Ct);
        await Task.Delay(500, Ct); // let the server start on the rows it has

        // Without spooling, the import's transaction would hold SQLite's write lock here and this write would fail
        // with 500 "database is locked" once the busy timeout ran out.
        using var write = await s.Client.PostAsJsonAsync($"/api/projects/{id}/annotations", new { item_id = item, labels = new[] { "ham" } }, TestServer.Json, Ct);
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);

        release.SetResult();
        using var done = await upload;
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(201, (await done.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestServer.Json, Ct)).GetProperty("imported").GetInt32());
    }
}
