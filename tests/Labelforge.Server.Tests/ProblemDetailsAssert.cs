using System.Net.Http.Json;
using System.Text.Json;

namespace Labelforge.Server.Tests;

/// <summary>
/// Checks an error response is an RFC 9457 (formerly 7807) problem details document as the server writes it:
/// media type application/problem+json, and type, title, status, detail and traceId members, with no stack trace.
/// </summary>
internal static class ProblemDetailsAssert
{
    // ASP.NET Core's defaults point "type" at the RFC 9110 section of the status code.
    private static readonly Dictionary<int, string> TypeByStatus = new()
    {
        [400] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        [401] = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        [403] = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        [404] = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        [409] = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        [500] = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>POSTs <paramref name="body"/> as JSON and checks the answer is the problem described.</summary>
    public static async Task<JsonElement> PostProblemAsync(this TestServer s, string url, object body, int status, string title, string detailContains)
    {
        using var response = await s.Client.PostAsJsonAsync(url, body, TestServer.Json, Ct);
        return await ProblemAsync(response, status, title, detailContains);
    }

    /// <summary>PUTs <paramref name="body"/> as JSON and checks the answer is the problem described.</summary>
    public static async Task<JsonElement> PutProblemAsync(this TestServer s, string url, object body, int status, string title, string detailContains)
    {
        using var response = await s.Client.PutAsJsonAsync(url, body, TestServer.Json, Ct);
        return await ProblemAsync(response, status, title, detailContains);
    }

    /// <summary>GETs <paramref name="url"/> and checks the answer is the problem described.</summary>
    public static async Task<JsonElement> GetProblemAsync(this TestServer s, string url, int status, string title, string detailContains)
    {
        using var response = await s.Client.GetAsync(url, Ct);
        return await ProblemAsync(response, status, title, detailContains);
    }

    /// <summary>Checks <paramref name="response"/> is the problem described and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status, string title, string detailContains)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(TypeByStatus[status], problem.GetProperty("type").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString();
        Assert.True(detail?.Contains(detailContains, StringComparison.Ordinal) == true, $"detail '{detail}' lacks '{detailContains}'");
        Assert.True(problem.TryGetProperty("traceId", out var trace) && trace.GetString() is { Length: > 0 }, "traceId missing");
        return problem;
    }
}
