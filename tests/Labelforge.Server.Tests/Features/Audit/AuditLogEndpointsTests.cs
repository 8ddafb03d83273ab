using System.Net.Http.Json;
using Labelforge.Core.Accounts;

namespace Labelforge.Server.Tests.Features.Audit;

public class AuditLogEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_ins_and_failed_sign_ins_are_logged_without_the_password_and_an_admin_reads_them()
    {
        await using var s = await TestServer.StartAsync();
        await TestAccounts.TokenAsync(s.Server, "sam", InstanceRole.Member, password: "sam's long password");
        using var anonymous = new HttpClient { BaseAddress = s.Server.Address };
        (await anonymous.PostAsJsonAsync("/api/session", new { name = "sam", password = "wrong guess" }, Ct)).Dispose();
        (await anonymous.PostAsJsonAsync("/api/session", new { name = "sam", password = "sam's long password" }, Ct)).EnsureSuccessStatusCode().Dispose();

        var log = await s.GetAsync("/api/audit-log?actor=sam");

        Assert.Equal(["sign-in", "sign-in-failed"], log.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("password", log.GetProperty("events")[0].GetProperty("details").GetProperty("method").GetString());
        Assert.DoesNotContain("password\":\"", log.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("wrong guess", log.GetRawText(), StringComparison.Ordinal);
        var sam = await s.AsAsync("sam", InstanceRole.Member);
        await sam.GetAsync("/api/audit-log", 403);
    }

    [Fact]
    public async Task An_unknown_action_filter_is_a_bad_request()
    {
        await using var s = await TestServer.StartAsync();
        await s.GetProblemAsync("/api/audit-log?action=dance", 400, "Invalid request", "Unknown audit action 'dance'.");
    }
}
