using System.Text;
using Labelforge.Core.Accounts;

namespace Labelforge.Server.Tests.Features.Accounts;

/// <summary>Admins change instance roles and project roles over REST; each change is in the audit log.</summary>
public class UserRoleEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_promotes_and_demotes_a_user_and_the_audit_log_records_who_did_it()
    {
        await using var s = await TestServer.StartAsync();
        var mia = await s.AsAsync("mia", InstanceRole.Member);
        await mia.GetProblemAsync("/api/users", 403, "Forbidden", "");
        await mia.PutProblemAsync("/api/users/mia/role", new { role = "admin" }, 403, "Forbidden", "");

        var promoted = await s.PutAsync("/api/users/mia/role", new { role = "admin" });
        Assert.Equal(("mia", "admin"), (promoted.GetProperty("name").GetString(), promoted.GetProperty("role").GetString()));
        Assert.Contains("mia", (await mia.GetAsync("/api/users")).EnumerateArray().Select(u => u.GetProperty("name").GetString()));

        var demoted = await mia.PutAsync("/api/users/mia/role", new { role = "member" });
        Assert.Equal("member", demoted.GetProperty("role").GetString());
        await mia.GetProblemAsync("/api/users", 403, "Forbidden", "");

        var log = (await s.GetAsync("/api/audit-log?action=user-role-changed")).GetProperty("events").EnumerateArray()
            .Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("target").GetString(), e.GetProperty("details").GetProperty("to").GetString()))
            .OrderBy(e => e.Item3).ToList();
        Assert.Equal([("admin", "mia", "admin"), ("mia", "mia", "member")], log);
    }

    [Fact]
    public async Task Unknown_roles_and_users_are_refused_and_the_last_admin_stays_one()
    {
        await using var s = await TestServer.StartAsync();
        await s.AsAsync("mia", InstanceRole.Member);
        await s.PutProblemAsync("/api/users/mia/role", new { role = "owner" }, 400, "Invalid request", "Unknown instance role 'owner'; use admin or member.");
        await s.PutProblemAsync("/api/users/mia/role", new { }, 400, "Invalid request", "use admin or member");
        await s.PutProblemAsync("/api/users/nobody/role", new { role = "admin" }, 404, "Not found", "No user 'nobody'.");
        await s.PutProblemAsync($"/api/users/{TestServer.AdminName}/role", new { role = "member" }, 409, "Conflict",
            $"'{TestServer.AdminName}' is the only admin; make another user admin first.");
        Assert.Empty((await s.GetAsync("/api/audit-log?action=user-role-changed")).GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task Project_roles_are_set_changed_and_removed_over_rest_and_audit_logged()
    {
        await using var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "p", labels = new[] { "ham" } })).GetProperty("id").GetInt64();
        using (var body = new StringContent("{\"text\":\"one\"}\n", Encoding.UTF8, "application/x-ndjson"))
            (await s.Client.PostAsync($"/api/projects/{id}/import?filename=i.jsonl", body, Ct)).EnsureSuccessStatusCode();
        var ann = await s.AsAsync("ann", InstanceRole.Member);
        await ann.GetProblemAsync($"/api/projects/{id}", 404, "Not found", $"No project with id {id}.");

        await s.PutAsync($"/api/projects/{id}/members/ann", new { role = "annotator" });
        await ann.GetAsync($"/api/projects/{id}");
        await ann.GetProblemAsync($"/api/projects/{id}/items", 403, "Forbidden", "");
        var changed = await s.PutAsync($"/api/projects/{id}/members/ann", new { role = "reviewer" });
        Assert.Equal("reviewer", changed.GetProperty("role").GetString());
        await ann.GetAsync($"/api/projects/{id}/items");
        await s.PutProblemAsync($"/api/projects/{id}/members/ann", new { role = "boss" }, 400, "Invalid request", "Unknown project role 'boss'");
        using (var removed = await s.Client.DeleteAsync($"/api/projects/{id}/members/ann", Ct))
            Assert.Equal(System.Net.HttpStatusCode.NoContent, removed.StatusCode);
        await ann.GetProblemAsync($"/api/projects/{id}", 404, "Not found", $"No project with id {id}.");

        var actions = (await s.GetAsync($"/api/audit-log?project_id={id}")).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("target").GetString() == "ann")
            .Select(e => e.GetProperty("action").GetString()).Order().ToList();
        Assert.Equal(["member-removed", "member-set", "member-set"], actions);
    }
}
