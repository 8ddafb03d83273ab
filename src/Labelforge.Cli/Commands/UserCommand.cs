using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Accounts;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge user add|list|password|role`: the instance's users, on the database directly (whoever can write the file is its admin).</summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var command = new Command("user", "Add and list users, set passwords and instance roles.");
        command.Subcommands.Add(AddCommand());
        command.Subcommands.Add(ListCommand());
        command.Subcommands.Add(PasswordCommand());
        command.Subcommands.Add(RoleCommand());
        return command;
    }

    private static Command AddCommand()
    {
        var name = new Argument<string>("NAME") { Description = "User name: letters, digits, '.', '_', '-', '@'; the author of their annotations." };
        var role = new Option<string>("--role") { Description = "Instance role: admin or member.", DefaultValueFactory = _ => "member" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input (else the user signs in by token only)." };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("add", "Add a user.") { name, role, passwordStdin, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            var instanceRole = RoleNames.ParseInstanceRole(parse.GetValue(role));
            var password = parse.GetValue(passwordStdin) ? await CliInput.ReadSecretAsync("password", ct) : null;
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var user = UserSummary.From(await store.Get<AccountOperations>().AddAsync(parse.GetRequiredValue(name), instanceRole, password, ct));
            CliJson.Report(parse, json, Json(user), $"added user {user.Name} ({RoleNames.Of(user.Role)}{(user.HasPassword ? "" : ", no password")})");
            return 0;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("list", "List users.") { db, json };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var users = await store.Get<AccountOperations>().ListAsync(ct);
            var lines = users.Select(u => $"{u.Name,-24} {RoleNames.Of(u.Role),-7} {(u.HasPassword ? "password" : "no password")}");
            CliJson.Report(parse, json, new { users = users.Select(Json) }, users.Count == 0 ? "no users" : string.Join(Environment.NewLine, lines));
            return 0;
        });
        return command;
    }

    private static Command PasswordCommand()
    {
        var name = new Argument<string>("NAME") { Description = "User name." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the new password from the first line of standard input.", Required = true };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("password", "Set a user's password (ends their sessions).") { name, passwordStdin, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            var password = await CliInput.ReadSecretAsync("password", ct);
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var user = UserSummary.From(await store.Get<AccountOperations>().SetPasswordAsync(parse.GetRequiredValue(name), password, ct));
            CliJson.Report(parse, json, Json(user), $"password set for {user.Name}");
            return 0;
        });
        return command;
    }

    private static Command RoleCommand()
    {
        var name = new Argument<string>("NAME") { Description = "User name." };
        var role = new Option<string>("--role") { Description = "New instance role: admin or member.", Required = true };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("role", "Change a user's instance role (ends their sessions; the last admin stays one).") { name, role, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            var instanceRole = RoleNames.ParseInstanceRole(parse.GetValue(role));
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var user = UserSummary.From(await store.Get<AccountOperations>().SetRoleAsync(parse.GetRequiredValue(name), instanceRole, ct));
            CliJson.Report(parse, json, Json(user), $"{user.Name} is now {RoleNames.Of(user.Role)}");
            return 0;
        });
        return command;
    }

    private static object Json(UserSummary u) => new { id = u.Id, name = u.Name, role = RoleNames.Of(u.Role), has_password = u.HasPassword, created_at = u.CreatedAt };
}
