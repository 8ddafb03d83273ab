namespace Labelforge.Cli.Tests.Accounts;

/// <summary>The accounts part of the CLI contract: `user add|list|password|role`, `token create|list|revoke`, `project member add|list|remove`.</summary>
public class AccountCommandTests
{
    [Fact]
    public async Task Users_tokens_and_members_follow_the_cli_contract()
    {
        using var cli = new CliRun();
        var (code, output, error) = await CliRun.ExecWithInputAsync("alice's password\n", "user", "add", "alice", "--role", "admin", "--password-stdin", "--json", "--db", cli.Db);
        Assert.True(code == 0, error);
        var alice = CliRun.Json(output);
        Assert.Equal(("alice", "admin", true), (alice.GetProperty("name").GetString(), alice.GetProperty("role").GetString(), alice.GetProperty("has_password").GetBoolean()));
        await cli.JsonAsync("user", "add", "bob", "--role", "member");
        var users = (await cli.JsonAsync("user", "list")).GetProperty("users").EnumerateArray()
            .Select(u => (u.GetProperty("name").GetString(), u.GetProperty("role").GetString(), u.GetProperty("has_password").GetBoolean())).ToList();
        Assert.Equal([("alice", "admin", true), ("bob", "member", false)], users);
        Assert.Equal("admin", (await cli.JsonAsync("user", "role", "bob", "--role", "admin")).GetProperty("role").GetString());
        var (demoteCode, demoteOut, demoteErr) = await cli.RunAsync("user", "role", "bob", "--role", "member");
        Assert.True(demoteCode == 0, demoteErr);
        Assert.Equal("bob is now member", demoteOut.Trim());

        var token = await cli.JsonAsync("token", "create", "bob", "--expires-days", "7");
        Assert.StartsWith("lf_", token.GetProperty("token").GetString(), StringComparison.Ordinal);
        var listed = await cli.JsonAsync("token", "list", "bob");
        Assert.DoesNotContain(token.GetProperty("token").GetString()!, listed.ToString(), StringComparison.Ordinal);
        var revoked = await cli.JsonAsync("token", "revoke", "bob", token.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, revoked.GetProperty("revoked_at").ValueKind);

        await cli.JsonAsync("project", "create", "tickets", "--labels", "a,b");
        var (memberCode, memberOut, memberErr) = await cli.RunAsync("project", "member", "add", "tickets", "bob", "--role", "reviewer");
        Assert.True(memberCode == 0, memberErr);
        Assert.Equal("bob is reviewer of tickets", memberOut.Trim());
        var members = (await cli.JsonAsync("project", "member", "list", "tickets")).GetProperty("members");
        Assert.Equal(("bob", "reviewer"), (members[0].GetProperty("user").GetString(), members[0].GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Bad_account_input_is_a_clear_error()
    {
        using var cli = new CliRun();
        var role = await cli.RunAsync("user", "add", "carol", "--role", "owner");
        Assert.Equal((1, "error: Unknown instance role 'owner'; use admin or member."), (role.Code, role.Err.Trim()));
        var name = await cli.RunAsync("user", "add", "model:x");
        Assert.Equal((1, "error: User name 'model:x' holds ':'; use letters, digits, '.', '_', '-' or '@'."), (name.Code, name.Err.Trim()));
        var (shortCode, _, shortErr) = await CliRun.ExecWithInputAsync("short\n", "user", "add", "carol", "--password-stdin", "--db", cli.Db);
        Assert.Equal((1, "error: A password needs at least 8 characters."), (shortCode, shortErr.Trim()));
        var lastAdmin = await cli.RunAsync("user", "add", "root", "--role", "admin");
        Assert.Equal(0, lastAdmin.Code);
        var demote = await cli.RunAsync("user", "role", "root", "--role", "member");
        Assert.Equal((1, "error: 'root' is the only admin; make another user admin first."), (demote.Code, demote.Err.Trim()));
        await cli.JsonAsync("project", "create", "p");
        var missing = await cli.RunAsync("project", "member", "add", "p", "nobody", "--role", "annotator");
        Assert.Equal((1, "error: No user 'nobody'. List users with `labelforge user list`."), (missing.Code, missing.Err.Trim()));
    }
}
