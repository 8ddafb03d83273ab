using System.CommandLine;
using System.Globalization;
using Labelforge.Cli.Output;
using Labelforge.Core.Audit;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge audit-log [--action A] [--actor U] [--project P] [--since T]`: the append-only audit log, newest first.</summary>
internal static class AuditLogCommand
{
    public static Command Create()
    {
        var action = new Option<string>("--action") { Description = $"Only this action ({string.Join(", ", AuditActions.All)})." };
        var actor = new Option<string>("--actor") { Description = "Only what this user (or cli:OS-USER, system) did." };
        var project = new Option<string>("--project") { Description = "Only this project (id or name)." };
        var since = new Option<string>("--since") { Description = "Only entries at or after this time (ISO 8601, e.g. 2026-12-01 or 2026-12-01T08:00Z)." };
        var limit = new Option<int>("--limit") { Description = "At most this many entries.", DefaultValueFactory = _ => AuditQuery.DefaultPageSize };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("audit-log", "Show the audit log: sign-ins, role changes, tokens, exports, erasures, LF saves, settings.")
        {
            action, actor, project, since, limit, db, json,
        };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            long? projectId = parse.GetValue(project) is { } p ? (await store.ProjectAsync(p, ct)).Id : null;
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } s)
                from = DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                    ? t : throw new CliException($"--since: '{s}' is not a time; use ISO 8601, e.g. 2026-12-01 or 2026-12-01T08:00Z");
            var page = await store.Get<AuditLog>().ListAsync(new AuditQuery(parse.GetValue(action), parse.GetValue(actor), projectId, from, 1, parse.GetValue(limit)), ct);
            var lines = page.Events.Select(e => $"{e.At:u}  {e.Actor,-16} {e.Action,-28} {(e.ProjectId is { } id ? $"project {id}" : ""),-12} {e.Target}"
                + (e.Details is { } d ? "  " + d.GetRawText() : ""));
            CliJson.Report(parse, json, page, page.Total == 0 ? "no audit entries" : string.Join(Environment.NewLine, lines));
            return 0;
        });
        return command;
    }
}
