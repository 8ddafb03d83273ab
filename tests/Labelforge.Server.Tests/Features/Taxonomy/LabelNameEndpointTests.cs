using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Labelforge.Tests;

namespace Labelforge.Server.Tests.Features.Taxonomy;

/// <summary>Awkward label names over HTTP: in JSON bodies, query strings and URL path segments.</summary>
public class LabelNameEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Names_with_slashes_and_other_awkward_characters_work_in_bodies_queries_and_paths()
    {
        await using var s = await TestServer.StartAsync();
        var project = await s.PostAsync("/api/projects", new { name = "news", multi_label = true, labels = AwkwardLabelNames.All });
        var id = project.GetProperty("id").GetInt64();
        var labels = await s.GetAsync($"/api/projects/{id}/labels");
        Assert.Equal(AwkwardLabelNames.All, labels.EnumerateArray().Select(l => l.GetProperty("name").GetString()));

        // A name with '/' in a URL path segment, percent-encoded as %2F.
        var moved = await s.PostAsync($"/api/projects/{id}/labels/{Uri.EscapeDataString("24/7")}/move", new { parent = "Sci/Tech" }, expectStatus: 200);
        Assert.Equal(@"Sci\/Tech/24\/7", moved.GetProperty("path").GetString());
        using var patch = await s.Client.PatchAsJsonAsync($"/api/projects/{id}/labels/{Uri.EscapeDataString(@"Sci\/Tech/24\/7")}", new { hotkey = "7" }, TestServer.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("7", JsonDocument.Parse(await patch.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("hotkey").GetString());

        using var body = new StringContent("text\nfirst story\n", Encoding.UTF8, "text/csv");
        using var upload = await s.Client.PostAsync($"/api/projects/{id}/import?filename=t.csv", body, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var item = (await s.GetAsync($"/api/projects/{id}/items")).GetProperty("items")[0].GetProperty("id").GetInt64();
        string[] chosen = ["Sci/Tech", "pipe|line", "the \"best\"", "رياضة"];
        await (await s.AsAsync("alice")).PostAsync($"/api/projects/{id}/annotations", new { item_id = item, author = "alice", labels = chosen });
        foreach (var name in chosen)
        {
            var page = await s.GetAsync($"/api/projects/{id}/items?label={Uri.EscapeDataString(name)}");
            Assert.Equal(1, page.GetProperty("total").GetInt32());
            Assert.Equal(chosen, page.GetProperty("items")[0].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        }
    }
}
