using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Accounts;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge project member add|list|remove`: who works on a project, as manager, reviewer or annotator.</summary>
internal static class ProjectMemberCommand
{
    public static Command Create()
    {
        var command = new Command("member", "Add, list and remove a project's members.");
        command.Subcommands.Add(AddCommand());
        command.Subcommands.Add(ListCommand());
        command.Subcommands.Add(RemoveCommand());
        return command;
    }

    private static Command AddCommand()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var user = new Argument<string>("NAME") { Description = "User name." };
        var role = new Option<string>("--role") { Description = "Project role: manager, reviewer or annotator.", Required = true };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("add", "Add a user to a project, or change their role there.") { project, user, role, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            var projectRole = RoleNames.ParseProjectRole(parse.GetValue(role));
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var member = await store.Get<MembershipOperations>().SetAsync(p.Id, parse.GetRequiredValue(user), projectRole, ct);
            CliJson.Report(parse, json, Json(member, p.Name), $"{member.User} is {RoleNames.Of(member.Role)} of {p.Name}");
            return 0;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("list", "List a project's members.") { project, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var members = await store.Get<MembershipOperations>().ListAsync(p.Id, ct);
            CliJson.Report(parse, json, new { members = members.Select(m => Json(m, p.Name)) },
                members.Count == 0 ? "no members (admins see every project)" : string.Join(Environment.NewLine, members.Select(m => $"{m.User,-24} {RoleNames.Of(m.Role)}")));
            return 0;
        });
        return command;
    }

    private static Command RemoveCommand()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var user = new Argument<string>("NAME") { Description = "User name." };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("remove", "Remove a user from a project.") { project, user, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var removed = await store.Get<MembershipOperations>().RemoveAsync(p.Id, parse.GetRequiredValue(user), ct);
            CliJson.Report(parse, json, new { project = p.Name, user = parse.GetRequiredValue(user), removed },
                removed ? $"removed {parse.GetRequiredValue(user)} from {p.Name}" : $"{parse.GetRequiredValue(user)} was not a member of {p.Name}");
            return 0;
        });
        return command;
    }

    private static object Json(MemberSummary m, string project) => new { project_id = m.ProjectId, project, user = m.User, role = RoleNames.Of(m.Role) };
}
