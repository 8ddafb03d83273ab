using System.CommandLine;
using System.Globalization;
using System.Text;
using Labelforge.Cli.Output;
using Labelforge.Core.Scorecards;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge annotators PROJECT`: each annotator's scorecard (labels, gold accuracy, agreement with consensus, time).</summary>
internal static class AnnotatorsCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("annotators", "Annotator scorecards: labels, gold accuracy with a Wilson 95% interval, agreement with consensus, median time per item, per ISO week.")
        {
            project, db, json,
        };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var report = await store.Get<ScorecardOperations>().ReportAsync(p.Id, ct);
            CliJson.Report(parse, json, report.Annotators, Text(report));
            return 0;
        });
        return command;
    }

    private static string Text(ScorecardReport r)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{r.Project}: {r.Annotators.Count} annotators, {r.GoldItems} gold items, consensus run {(r.ConsensusRunId is { } id ? $"{id} ({r.ConsensusMethod})" : "none")}, flag below {r.GoldAccuracyThreshold:P0} gold accuracy");
        foreach (var a in r.Annotators)
        {
            var gold = a.GoldCi95 is { } ci
                ? string.Create(CultureInfo.InvariantCulture, $"gold {a.GoldAccuracy:P1} [{ci[0]:P1}, {ci[1]:P1}] of {a.GoldLabels}")
                : "gold n/a";
            var agreement = a.AgreementWithConsensus is { } ag ? string.Create(CultureInfo.InvariantCulture, $"{ag:P1}") : "n/a";
            var seconds = a.MedianSeconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:F1} s") : "n/a";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {a.Annotator}: {a.Labels} labels, {gold}, consensus agreement {agreement}, median {seconds}{(a.Flagged ? "  FLAGGED" : "")}");
        }
        return text.ToString().TrimEnd();
    }
}
