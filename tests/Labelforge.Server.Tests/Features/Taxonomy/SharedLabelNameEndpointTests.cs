using System.Net;
using System.Text;
using System.Text.Json;

namespace Labelforge.Server.Tests.Features.Taxonomy;

/// <summary>Names shared under different parents over HTTP: paths work, a shared bare name is a 400 naming the paths.</summary>
public class SharedLabelNameEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Ambiguous = "label 'Other' is ambiguous: it means 3 labels ('/Other', 'Animals/Other', 'Plants/Other')";

    [Fact]
    public async Task Paths_name_shared_labels_in_bodies_queries_url_segments_and_imports()
    {
        await using var s = await TestServer.StartAsync();
        var project = await s.PostAsync("/api/projects", new { name = "zoo", multi_label = true, labels = new[] { "Animals", "Plants", "Other" } });
        var id = project.GetProperty("id").GetInt64();
        var animalsOther = await s.PostAsync($"/api/projects/{id}/labels", new { name = "Other", parent = "Animals" });
        await s.PostAsync($"/api/projects/{id}/labels", new { name = "Other", parent = "Plants" });
        Assert.Equal("Animals/Other", animalsOther.GetProperty("path").GetString());
        var sibling = await s.PostAsync($"/api/projects/{id}/labels", new { name = "other", parent = "Plants" }, expectStatus: 409);
        Assert.Contains("already exists under the same parent", sibling.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var bareParent = await s.PostAsync($"/api/projects/{id}/labels", new { name = "Cat", parent = "Other" }, expectStatus: 400);
        Assert.Contains(Ambiguous, bareParent.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var segment = await s.PostAsync($"/api/projects/{id}/labels/Other/move", new { parent = "Animals" }, expectStatus: 400);
        Assert.Contains(Ambiguous, segment.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var moved = await s.PostAsync($"/api/projects/{id}/labels/{Uri.EscapeDataString("/Other")}/move", new { parent = "Animals/Other" }, expectStatus: 200);
        Assert.Equal("Animals/Other/Other", moved.GetProperty("path").GetString());

        using var body = new StringContent("text,label\nkitten,Animals/Other\nfern,Other\n", Encoding.UTF8, "text/csv");
        using var upload = await s.Client.PostAsync($"/api/projects/{id}/import?filename=t.csv&label_field=label", body, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var report = JsonDocument.Parse(await upload.Content.ReadAsStringAsync(Ct)).RootElement;
        var error = report.GetProperty("errors")[0];
        Assert.Equal((3, "label"), (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));
        // The moved label made "Other" the name of Animals/Other and Animals/Other/Other, and Plants/Other.
        Assert.StartsWith("label 'Other' is ambiguous: it means 3 labels", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        var item = (await s.GetAsync($"/api/projects/{id}/items")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var bare = await (await s.AsAsync("alice")).PostAsync($"/api/projects/{id}/annotations", new { item_id = item, author = "alice", labels = new[] { "other" } }, expectStatus: 400);
        Assert.Contains("label 'other' is ambiguous", bare.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await s.AsAsync("alice")).PostAsync($"/api/projects/{id}/annotations", new { item_id = item, author = "alice", labels = new[] { "Plants/Other", "Animals/Other/Other" } });
        var page = await s.GetAsync($"/api/projects/{id}/items?label={Uri.EscapeDataString("plants/other")}");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(["Animals/Other", "Plants/Other", "Animals/Other/Other"], page.GetProperty("items")[0].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var filter = await s.GetAsync($"/api/projects/{id}/items?label=Other", expectStatus: 400);
        Assert.Contains("is ambiguous", filter.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
