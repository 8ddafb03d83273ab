using System.Net;
using System.Text;
using System.Text.Json;

namespace Labelforge.Server.Tests.Features.Import;

public class ImportEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_headerless_upload_with_class_ids_imports_and_predictions_export_only_when_included()
    {
        await using var s = await TestServer.StartAsync();
        var project = await s.PostAsync("/api/projects", new { name = "news", labels = new[] { "World", "Sports" } });
        var id = project.GetProperty("id").GetInt64();

        using var csv = new StringContent("1,Cup final tonight\n0,Summit ends in accord\n", Encoding.UTF8, "text/csv");
        using var upload = await s.Client.PostAsync(
            $"/api/projects/{id}/import?filename=news.csv&no_header=true&text_column=2&label_column=1&label_names=World,Sports", csv, Ct);
        var report = JsonDocument.Parse(await upload.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal((2, 2, 0), (report.GetProperty("imported").GetInt32(), report.GetProperty("annotations").GetInt32(), report.GetProperty("error_count").GetInt32()));

        using var task = new StringContent("""{"data": {"text": "Rain all week"}, "predictions": [{"model_version": "m1", "score": 0.8, "result": [{"type": "choices", "from_name": "label", "to_name": "text", "value": {"choices": ["World"]}}]}]}""", Encoding.UTF8, "application/json");
        using var single = await s.Client.PostAsync($"/api/projects/{id}/import?filename=task.json", task, Ct);
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);

        Assert.Equal([["Sports"], ["World"], []], await LabelsAsync(s, id, ""));
        Assert.Equal([["Sports"], ["World"], ["World"]], await LabelsAsync(s, id, "&include=model"));
    }

    private static async Task<List<string[]>> LabelsAsync(TestServer s, long id, string query)
    {
        using var export = await s.Client.GetAsync($"/api/projects/{id}/export?format=jsonl{query}", Ct);
        var lines = (await export.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("labels").EnumerateArray().Select(x => x.GetString()!).ToArray())];
    }
}
