using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Guidelines;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge guidelines PROJECT show|set|history`: the project's versioned guidelines.</summary>
internal static class GuidelinesCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var command = new Command("guidelines", "Show, edit and list the versions of a project's guidelines (every edit is a new version).") { project };

        var version = new Option<int?>("--version") { Description = "Show this version (default: the current one)." };
        command.Subcommands.Add(Sub(project, "show", "Print the guidelines (Markdown) of the current or a given version.", [version], async (p, ops, id, ct) =>
            await ops.GetAsync(id, p.GetValue(version), ct)));

        var file = new Argument<FileInfo>("FILE") { Description = "A Markdown file with the new guidelines." };
        command.Subcommands.Add(Sub(project, "set", "Replace the guidelines with a file's text, as a new version.", [file], async (p, ops, id, ct) =>
        {
            var path = p.GetRequiredValue(file);
            if (!path.Exists)
                throw new CliException($"{path.FullName}: no such file; give the Markdown file with the new guidelines");
            var project = await ops.UpdateAsync(id, await File.ReadAllTextAsync(path.FullName, ct), "cli", ct);
            return await ops.GetAsync(id, project.GuidelineVersion, ct);
        }));

        command.Subcommands.Add(Sub(project, "history", "List the guideline versions.", [], async (p, ops, id, ct) =>
            await ops.HistoryAsync(id, ct)));
        return command;
    }

    private static Command Sub(Argument<string> project, string name, string description, Symbol[] symbols,
        Func<ParseResult, GuidelineOperations, long, CancellationToken, Task<object>> action)
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument)
                command.Arguments.Add(argument);
            else
                command.Options.Add((Option)symbol);
        }
        command.Options.Add(db);
        command.Options.Add(json);
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var result = await action(parse, store.Get<GuidelineOperations>(), p.Id, ct);
            CliJson.Report(parse, json, result, Describe(result));
            return 0;
        });
        return command;
    }

    private static string Describe(object result) => result switch
    {
        GuidelineVersionView { Text: { } text } => text,
        IEnumerable<GuidelineVersionView> history => string.Join(Environment.NewLine,
            history.Select(h => $"v{h.Version,-4} {h.CreatedAt:yyyy-MM-dd HH:mm}  {h.Author ?? "-",-16} {h.Characters} characters")),
        _ => result.ToString() ?? "",
    };
}
