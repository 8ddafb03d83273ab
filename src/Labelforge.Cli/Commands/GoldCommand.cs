using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Gold;

namespace Labelforge.Cli.Commands;

/// <summary>
/// `labelforge gold PROJECT import GOLD.csv [--rate R]` and `gold PROJECT list`: known answers (honeypots) that the
/// queue mixes into every annotator's stream at the gold rate. Exit codes as `import`: 0 all rows good, 3 some bad, 1 none written.
/// </summary>
internal static class GoldCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var command = new Command("gold", "Gold items (honeypots): import known answers, set how often the queue serves them, list them.") { project };
        command.Subcommands.Add(ImportCommand(project));
        command.Subcommands.Add(ListCommand(project));
        return command;
    }

    private static Command ImportCommand(Argument<string> project)
    {
        var file = new Argument<string>("GOLD") { Description = "CSV or TSV with a header: item (external id of an item in the project) and label (its known label name)." };
        var rate = new Option<double?>("--rate") { Description = "Share of each annotator's items that are gold items, 0 to 1 (e.g. 0.05); left out keeps the project's rate." };
        var idField = new Option<string>("--id-field") { Description = "Column holding the item's external id.", DefaultValueFactory = _ => "item" };
        var labelField = new Option<string>("--label-field") { Description = "Column holding the known label.", DefaultValueFactory = _ => "label" };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("import", "Import known answers; their items become gold items.") { file, rate, idField, labelField, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            using var reader = CliInput.OpenText(path);
            var report = await store.Get<GoldOperations>().ImportAsync(p.Id, path, reader, parse.GetValue(rate),
                parse.GetRequiredValue(idField), parse.GetRequiredValue(labelField), ct);
            var error = parse.InvocationConfiguration.Error;
            foreach (var e in report.Errors)
                error.WriteLine($"{e.File}:{e.Line}: {(e.Field is null ? "" : e.Field + ": ")}{e.Message}");
            CliJson.Report(parse, json, new
            {
                project = p.Name, rows = report.Rows, answers = report.Answers, gold_items = report.GoldItems, gold_rate = report.GoldRate,
                error_count = report.ErrorCount, errors = report.Errors.Select(e => new { file = e.File, line = e.Line, field = e.Field, message = e.Message }),
            }, $"{p.Name}: {report.Answers} gold answers imported, {report.GoldItems} gold items, gold rate {report.GoldRate:0.###}, {report.ErrorCount} bad rows");
            return report.ErrorCount == 0 ? 0 : report.Answers > 0 ? Commands.ImportCommand.PartialExitCode : 1;
        });
        return command;
    }

    private static Command ListCommand(Argument<string> project)
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("list", "List the gold items and their known answers.") { db, json };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var gold = await store.Get<GoldOperations>().ListAsync(p.Id, ct);
            CliJson.Report(parse, json, new { project = p.Name, gold },
                string.Join(Environment.NewLine, gold.Select(g => $"{g.ItemId,8}  {g.ExternalId ?? "",-20} {string.Join(", ", g.Labels)}")));
            return 0;
        });
        return command;
    }
}
