using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Labelforge.Server.Tests.Features.LabelingFunctions;

/// <summary>
/// The LF page's API on a tiny project whose label matrix is known by hand (spam = 1, ham = 0):
/// <code>
/// item  has_link money song   human
/// a1      1       1    -      spam
/// a2      -       -    0
/// a3      -       1    0      ham
/// a4      -       -    -
/// a5      1       -    0      spam
/// a6      -       1    -
/// </code>
/// </summary>
public class LabelingFunctionEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Rules = """
        labels: [ham, spam]
        functions:
          - name: has_link
            kind: regex
            pattern: 'https?://'
            label: spam
          - name: money
            kind: keyword
            keywords: [money, win]
            label: spam
          - name: song
            kind: keyword
            keywords: [song, thanks, love]
            label: ham
        """;

    private static async Task<(TestServer Server, long Project)> SeedAsync(bool humanLabels = true)
    {
        var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "spam", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        const string csv = "id,text\na1,win money now http://x.example\na2,thanks for the song\na3,win a song\na4,hello there\na5,love this http://y.example\na6,money money\n";
        using var body = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var upload = await s.Client.PostAsync($"/api/projects/{id}/import?filename=items.csv&id_field=id", body, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        if (humanLabels)
        {
            var items = (await s.GetAsync($"/api/projects/{id}/items?page_size=50")).GetProperty("items").EnumerateArray()
                .ToDictionary(i => i.GetProperty("external_id").GetString()!, i => i.GetProperty("id").GetInt64());
            foreach (var (external, label) in new[] { ("a1", "spam"), ("a3", "ham"), ("a5", "spam") })
                await (await s.AsAsync("alice")).PostAsync($"/api/projects/{id}/annotations", new { item_id = items[external], author = "alice", labels = new[] { label } });
        }
        return (s, id);
    }

    [Fact]
    public async Task Save_apply_analyze_browse_and_fit_on_a_known_matrix()
    {
        var (s, id) = await SeedAsync();
        await using var _ = s;
        var starter = await s.GetAsync($"/api/projects/{id}/labeling-function-sets/default");
        Assert.Equal(0, starter.GetProperty("version").GetInt32());
        Assert.Contains("labels: [ham, spam]", starter.GetProperty("yaml").GetString(), StringComparison.Ordinal);

        var saved = await s.PostAsync($"/api/projects/{id}/labeling-function-sets/default/versions", new { yaml = Rules });
        Assert.Equal((1, true), (saved.GetProperty("version").GetInt32(), saved.GetProperty("new_version").GetBoolean()));
        await s.PostAsync($"/api/projects/{id}/labeling-function-sets/default/versions", new { yaml = Rules }, expectStatus: 200);

        var applied = await s.PostAsync($"/api/projects/{id}/labeling-function-sets/default/apply", new { }, expectStatus: 200);
        Assert.Equal(6, applied.GetProperty("items").GetInt32());
        Assert.Equal(5 / 6.0, applied.GetProperty("coverage").GetDouble(), 6);

        var analysis = await s.GetAsync($"/api/projects/{id}/labeling-function-sets/default/analysis");
        Assert.Equal((6, 3), (analysis.GetProperty("items").GetInt32(), analysis.GetProperty("human_labeled").GetInt32()));
        Assert.Equal((R(5 / 6.0), R(3 / 6.0), R(2 / 6.0)), (Round(analysis, "coverage"), Round(analysis, "overlap"), Round(analysis, "conflict")));
        var f = analysis.GetProperty("functions").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal((R(2 / 6.0), R(2 / 6.0), R(1 / 6.0), 1.0), (Round(f["has_link"], "coverage"), Round(f["has_link"], "overlaps"), Round(f["has_link"], "conflicts"), Round(f["has_link"], "empirical_accuracy")));
        Assert.Equal((R(3 / 6.0), R(2 / 6.0), R(1 / 6.0), 0.5), (Round(f["money"], "coverage"), Round(f["money"], "overlaps"), Round(f["money"], "conflicts"), Round(f["money"], "empirical_accuracy")));
        Assert.Equal((R(3 / 6.0), R(2 / 6.0), R(2 / 6.0), 0.5), (Round(f["song"], "coverage"), Round(f["song"], "overlaps"), Round(f["song"], "conflicts"), Round(f["song"], "empirical_accuracy")));
        Assert.Equal("spam", f["money"].GetProperty("polarity")[0].GetString());
        Assert.Equal(0, f["money"].GetProperty("faults").GetInt64());

        var fit = await s.PostAsync($"/api/projects/{id}/labeling-function-sets/default/fit", new { model = "majority-vote" }, expectStatus: 200);
        Assert.Equal(("lf:default@1", 5, 5L), (fit.GetProperty("author").GetString(), fit.GetProperty("covered").GetInt32(), fit.GetProperty("annotations").GetInt64()));
        var balance = fit.GetProperty("class_balance").EnumerateArray().ToDictionary(e => e.GetProperty("label").GetString()!, e => e.GetProperty("predicted").GetInt32());
        Assert.Equal((3, 2), (balance["ham"], balance["spam"])); // ties (a3, a5) go to the first label
        Assert.Equal((3, R(2 / 3.0)), (fit.GetProperty("human_labeled").GetInt32(), Round(fit, "human_accuracy")));
        var weights = fit.GetProperty("functions").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(0.75, Round(weights["has_link"], "estimated_accuracy")); // P(spam) = 1 on a1, 0.5 on a5
        Assert.Equal(Math.Log(3), Round(weights["has_link"], "weight"), 5);
        var programmatic = await s.GetAsync($"/api/projects/{id}/items?author=lf:default@1");
        Assert.Equal(5, programmatic.GetProperty("total").GetInt32());

        var model = await s.PostAsync($"/api/projects/{id}/labeling-function-sets/default/fit", new { model = "matrix-completion" }, expectStatus: 200);
        Assert.Equal("matrix-completion", model.GetProperty("model").GetString());
        // The former names still select the model they became.
        var former = await s.PostAsync($"/api/projects/{id}/labeling-function-sets/default/fit", new { model = "label-model" }, expectStatus: 200);
        Assert.Equal("matrix-completion", former.GetProperty("model").GetString());
        Assert.Equal(1.0, model.GetProperty("class_balance").EnumerateArray().Sum(e => e.GetProperty("prior").GetDouble()), 3);
        await s.PostAsync($"/api/projects/{id}/labeling-function-sets/default/fit", new { model = "oracle" }, expectStatus: 400);
    }

    [Fact]
    public async Task Items_of_a_function_are_paged_and_filtered()
    {
        var (s, id) = await SeedAsync();
        await using var _ = s;
        await s.PostAsync($"/api/projects/{id}/labeling-function-sets/default/versions", new { yaml = Rules });
        await s.PostAsync($"/api/projects/{id}/labeling-function-sets/default/apply", new { }, expectStatus: 200);
        var first = await s.GetAsync($"/api/projects/{id}/labeling-function-sets/default/functions/money/items?page_size=2");
        Assert.Equal((3, 2), (first.GetProperty("total").GetInt32(), first.GetProperty("items").GetArrayLength()));
        var a1 = first.GetProperty("items")[0];
        Assert.Equal(("a1", "spam", "spam", false), (a1.GetProperty("external_id").GetString(), a1.GetProperty("vote").GetString(),
            a1.GetProperty("human_label").GetString(), a1.GetProperty("conflict").GetBoolean()));
        Assert.Equal("has_link", a1.GetProperty("other_votes")[0].GetProperty("function").GetString());
        var second = await s.GetAsync($"/api/projects/{id}/labeling-function-sets/default/functions/money/items?page_size=2&page=2");
        Assert.Equal("a6", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("external_id").GetString());

        var conflicts = await s.GetAsync($"/api/projects/{id}/labeling-function-sets/default/functions/song/items?filter=conflicts");
        Assert.Equal(["a3", "a5"], conflicts.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("external_id").GetString()));
        Assert.All(conflicts.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("conflict").GetBoolean()));
        var incorrect = await s.GetAsync($"/api/projects/{id}/labeling-function-sets/default/functions/money/items?filter=incorrect");
        Assert.Equal("a3", Assert.Single(incorrect.GetProperty("items").EnumerateArray()).GetProperty("external_id").GetString());

        await s.GetAsync($"/api/projects/{id}/labeling-function-sets/default/functions/nope/items", expectStatus: 404);
        await s.GetAsync($"/api/projects/{id}/labeling-function-sets/default/functions/money/items?filter=odd", expectStatus: 400);
    }

    [Fact]
    public async Task Bad_sets_report_every_problem_with_line_column_and_function_and_store_nothing()
    {
        var (s, id) = await SeedAsync(humanLabels: false);
        await using var _ = s;
        const string bad = """
            labels: [ham, spam]
            functions:
              - name: fine
                kind: keyword
                keywords: [a]
                label: ham
              - name: broken
                kind: regex
                pattern: '(unclosed'
                label: spam
              - name: cs
                kind: csharp
                code: |
                  public static class F
                  {
                      public static string? Short(LabelingFunctionDocument d) => d.Text.Length < 10 ? "ham" : nul;
                  }
            """;
        var problem = await PostProblemAsync(s, $"/api/projects/{id}/labeling-function-sets/default/versions", bad);
        Assert.Equal("Invalid LF set", problem.GetProperty("title").GetString());
        Assert.True(problem.TryGetProperty("traceId", out var trace) && trace.GetString() is { Length: > 0 });
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        var regex = errors.Single(e => e.GetProperty("function").GetString() == "broken");
        Assert.Equal(9, regex.GetProperty("line").GetInt32());
        var compile = Assert.Single(errors, e => e.GetProperty("function").GetString() == "cs" && e.GetProperty("message").GetString()!.Contains("CS0103", StringComparison.Ordinal));
        var lines = bad.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("nul;", StringComparison.Ordinal));
        Assert.Equal((line + 1, lines[line].IndexOf("nul;", StringComparison.Ordinal) + 1), (compile.GetProperty("line").GetInt32(), compile.GetProperty("column").GetInt32()));
        Assert.Contains("CS0103", compile.GetProperty("message").GetString(), StringComparison.Ordinal);

        var syntax = await PostProblemAsync(s, $"/api/projects/{id}/labeling-function-sets/default/versions", "labels: [ham, spam\nfunctions: []\n");
        Assert.True(syntax.GetProperty("errors")[0].GetProperty("line").GetInt32() >= 1);
        var unknown = await PostProblemAsync(s, $"/api/projects/{id}/labeling-function-sets/default/versions", Rules.Replace("[ham, spam]", "[ham, eggs]", StringComparison.Ordinal).Replace("label: spam", "label: eggs", StringComparison.Ordinal));
        Assert.Contains("'eggs'", unknown.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, unknown.GetProperty("errors")[0].GetProperty("line").GetInt32());

        Assert.Equal(0, (await s.GetAsync($"/api/projects/{id}/labeling-function-sets/default")).GetProperty("version").GetInt32());
        await s.PostAsync($"/api/projects/{id}/labeling-function-sets/default/apply", new { }, expectStatus: 404);
        await s.GetAsync($"/api/projects/{id}/labeling-function-sets/default/analysis", expectStatus: 404);
        await s.PostAsync($"/api/projects/{id}/labeling-function-sets/default/fit", new { model = "majority" }, expectStatus: 409);
    }

    [Fact]
    public async Task Versions_are_kept_and_applies_are_incremental()
    {
        var (s, id) = await SeedAsync(humanLabels: false);
        await using var _ = s;
        await s.PostAsync($"/api/projects/{id}/labeling-function-sets/rules/versions", new { yaml = Rules });
        await s.PostAsync($"/api/projects/{id}/labeling-function-sets/rules/apply", new { }, expectStatus: 200);
        var edited = Rules.Replace("[money, win]", "[money]", StringComparison.Ordinal);
        Assert.Equal(2, (await s.PostAsync($"/api/projects/{id}/labeling-function-sets/rules/versions", new { yaml = edited })).GetProperty("version").GetInt32());
        var again = await s.PostAsync($"/api/projects/{id}/labeling-function-sets/rules/apply", new { }, expectStatus: 200);
        Assert.Equal((2, 2, 0), (again.GetProperty("version").GetInt32(), again.GetProperty("reused_functions").GetInt32(), again.GetProperty("new_items").GetInt32()));

        var state = await s.GetAsync($"/api/projects/{id}/labeling-function-sets/rules");
        Assert.Equal((2, 2), (state.GetProperty("version").GetInt32(), state.GetProperty("applied_version").GetInt32()));
        Assert.Equal([1, 2], state.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(Rules, (await s.GetAsync($"/api/projects/{id}/labeling-function-sets/rules/versions/1")).GetProperty("yaml").GetString());
        var sets = await s.GetAsync($"/api/projects/{id}/labeling-function-sets");
        Assert.Equal("rules", sets[0].GetProperty("set").GetString());
        var openapi = await s.GetAsync("/openapi/v1.json");
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/api/projects/{projectId}/labeling-function-sets/{set}/fit", out var fitPath) && fitPath.ValueKind == JsonValueKind.Object);

        // The former path still answers, and the OpenAPI document does not name it.
        var former = await s.GetAsync($"/api/projects/{id}/lf-sets/rules");
        Assert.Equal((2, 2), (former.GetProperty("version").GetInt32(), former.GetProperty("applied_version").GetInt32()));
        Assert.Equal(2, (await s.PostAsync($"/api/projects/{id}/lf-sets/rules/apply", new { }, expectStatus: 200)).GetProperty("version").GetInt32());
        Assert.DoesNotContain(openapi.GetProperty("paths").EnumerateObject(), p => p.Name.Contains("/lf-sets", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> PostProblemAsync(TestServer s, string url, string yaml)
    {
        using var response = await s.Client.PostAsJsonAsync(url, new { yaml }, TestServer.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    private static double Round(JsonElement e, string property) => R(e.GetProperty(property).GetDouble());

    private static double R(double x) => Math.Round(x, 6);
}
