namespace Labelforge.Cli.Tests.Audit;

/// <summary>`labelforge audit-log`: what commands did, newest first, named by the operating-system user.</summary>
public class AuditLogCommandTests
{
    [Fact]
    public async Task Commands_leave_entries_the_audit_log_lists_and_filters()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "ham,spam");
        await cli.JsonAsync("user", "add", "bob", "--role", "member");
        await cli.JsonAsync("import", "p", cli.File("in.jsonl", "{\"id\":\"a\",\"text\":\"one\"}\n"));
        var (code, _, error) = await cli.RunAsync("export", "p", "--format", "csv", "--output", Path.Combine(cli.Dir, "out.csv"));
        Assert.True(code == 0, error);

        var log = await cli.JsonAsync("audit-log");
        var actions = log.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["export", "user-created", "project-created"], actions);
        Assert.All(log.GetProperty("events").EnumerateArray(), e => Assert.Equal("cli:" + Environment.UserName, e.GetProperty("actor").GetString()));
        var exports = await cli.JsonAsync("audit-log", "--action", "export", "--project", "p", "--since", "2000-01-01");
        Assert.Equal(1, exports.GetProperty("total").GetInt32());
        var text = await cli.RunAsync("audit-log", "--action", "user-created");
        Assert.Contains("user-created", text.Out, StringComparison.Ordinal);
        Assert.Contains("bob", text.Out, StringComparison.Ordinal);
        var bad = await cli.RunAsync("audit-log", "--since", "yesterday-ish");
        Assert.Equal((1, "error: --since: 'yesterday-ish' is not a time; use ISO 8601, e.g. 2026-12-01 or 2026-12-01T08:00Z"), (bad.Code, bad.Err.Trim()));
    }
}
