using System.Net;
using System.Net.Http.Json;
using Labelforge.Core.Accounts;
using Labelforge.Server.Hosting.Security;

namespace Labelforge.Server.Tests.Features.Accounts;

/// <summary>Password guessing is limited per client address and user name: 429 with Retry-After, before the password is checked.</summary>
public class SignInRateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Guessing_one_users_password_is_refused_with_429_and_retry_after_while_other_names_still_sign_in()
    {
        await using var s = await TestServer.StartAsync();
        await TestAccounts.TokenAsync(s.Server, "carol", InstanceRole.Admin, password: "carol's password");
        await TestAccounts.TokenAsync(s.Server, "dave", InstanceRole.Admin, password: "dave's password");
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = s.Server.Address };
        for (var i = 0; i < SignInRateLimits.PerNameAndAddress; i++)
        {
            using var wrong = await browser.PostAsJsonAsync("/api/session", new { name = "carol", password = $"guess {i}" }, TestServer.Json, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        // Even the right password waits now: the limit comes before the check.
        using var limited = await browser.PostAsJsonAsync("/api/session", new { name = "Carol", password = "carol's password" }, TestServer.Json, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var retry = Assert.Single(limited.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retry, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        using var other = await browser.PostAsJsonAsync("/api/session", new { name = "dave", password = "dave's password" }, TestServer.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
