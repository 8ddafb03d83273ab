using System.Net;
using System.Text;
using System.Text.Json;

namespace Labelforge.Server.Tests.Features.LabelErrors;

/// <summary>Imports rows (id, text, optional label) through the API and returns the item ids in order.</summary>
internal static class LabelErrorsData
{
    public static async Task<long[]> ImportAsync(TestServer s, long projectId, IEnumerable<(string Id, string Text, string? Label)> rows)
    {
        var ct = TestContext.Current.CancellationToken;
        var list = rows.ToList();
        var jsonl = string.Concat(list.Select(r => JsonSerializer.Serialize(new { id = r.Id, text = r.Text, label = r.Label }) + "\n"));
        using var body = new StringContent(jsonl, Encoding.UTF8, "application/x-ndjson");
        using var upload = await s.Client.PostAsync($"/api/projects/{projectId}/import?filename=items.jsonl&id_field=id&label_field=label", body, ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var page = await s.GetAsync($"/api/projects/{projectId}/items?page_size=1000");
        var byExternal = page.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("external_id").GetString()!, i => i.GetProperty("id").GetInt64());
        return list.Select(r => byExternal[r.Id]).ToArray();
    }
}
