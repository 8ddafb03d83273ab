using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Accounts;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge token create|list|revoke`: personal API tokens for `Authorization: Bearer`, shown once.</summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var command = new Command("token", "Create, list and revoke personal API tokens.");
        command.Subcommands.Add(CreateCommand());
        command.Subcommands.Add(ListCommand());
        command.Subcommands.Add(RevokeCommand());
        return command;
    }

    private static Command CreateCommand()
    {
        var user = new Argument<string>("NAME") { Description = "The user the token signs in as." };
        var expires = new Option<int?>("--expires-days") { Description = "Days until the token expires (default: never; revoke it when done)." };
        var label = new Option<string>("--name") { Description = "What the token is for, shown in listings.", DefaultValueFactory = _ => "cli" };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("create", "Create a token; its secret is printed this once.") { user, expires, label, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            var days = parse.GetValue(expires);
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var made = await store.Get<TokenOperations>().CreateAsync(parse.GetRequiredValue(user), parse.GetValue(label)!,
                days is { } d ? TimeSpan.FromDays(d) : null, ct);
            CliJson.Report(parse, json, new { token = made.Secret, id = made.Token.Id, user = made.Token.User, expires_at = made.Token.ExpiresAt },
                $"{made.Secret}{Environment.NewLine}(token {made.Token.Id} for {made.Token.User}; shown once: store it now)");
            return 0;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var user = new Argument<string>("NAME") { Description = "User name." };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("list", "List a user's tokens (never their secrets).") { user, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var owner = await store.Get<AccountOperations>().GetAsync(parse.GetRequiredValue(user), ct);
            var tokens = await store.Get<TokenOperations>().ListAsync(owner, ct);
            var lines = tokens.Select(t => $"{t.Id,5}  {t.Name,-20} expires {t.ExpiresAt?.ToString("u") ?? "never"}{(t.RevokedAt is null ? "" : "  revoked")}");
            CliJson.Report(parse, json, new { tokens }, tokens.Count == 0 ? "no tokens" : string.Join(Environment.NewLine, lines));
            return 0;
        });
        return command;
    }

    private static Command RevokeCommand()
    {
        var user = new Argument<string>("NAME") { Description = "User name." };
        var id = new Argument<long>("ID") { Description = "Token id (from `token list`)." };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("revoke", "Revoke a token at once.") { user, id, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var owner = await store.Get<AccountOperations>().GetAsync(parse.GetRequiredValue(user), ct);
            var token = await store.Get<TokenOperations>().RevokeAsync(owner, parse.GetValue(id), ct);
            CliJson.Report(parse, json, token, $"revoked token {token.Id} of {token.User}");
            return 0;
        });
        return command;
    }
}
