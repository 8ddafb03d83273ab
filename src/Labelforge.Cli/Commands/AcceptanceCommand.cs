using System.CommandLine;
using System.Globalization;
using System.Text;
using Labelforge.Cli.Output;
using Labelforge.Core.Acceptance;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge acceptance PROJECT`: do annotators rubber-stamp model suggestions?</summary>
internal static class AcceptanceCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var gold = new Option<string[]>("--gold-author")
        {
            Description = "An author whose labels are gold besides review annotations (repeatable), e.g. import:3 or an expert's name.",
            AllowMultipleArgumentsPerToken = true,
        };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("acceptance", "Acceptance bias: accepted vs corrected suggestions per model, and their accuracy against labels made from scratch.")
        {
            project, gold, db, json,
        };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var options = new AcceptanceOptions { GoldAuthors = parse.GetValue(gold) ?? [] };
            var report = await store.Get<AcceptanceOperations>().ReportAsync(p.Id, options, ct);
            CliJson.Report(parse, json, report, Text(report));
            return 0;
        });
        return command;
    }

    private static string Text(AcceptanceReport r)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{r.Project}: {r.Accepted} accepted, {r.Corrected} corrected, {r.Scratch} labeled from scratch; acceptance rate {Rate(r.AcceptanceRate)}");
        foreach (var m in r.ByModel)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {m.Model}: shown {m.Shown}, accepted {Rate(m.AcceptanceRate)}; suggestion accuracy {Rate(m.SuggestionAccuracy)}; accepted accuracy {Rate(m.AcceptedAccuracy)}");
        var a = r.Accuracy;
        text.AppendLine(CultureInfo.InvariantCulture, $"accuracy against {a.GoldReferences} gold references (reviews, --gold-author) and {a.PeerReferences} peer ones (other annotators' from-scratch plurality):");
        text.AppendLine(CultureInfo.InvariantCulture, $"  accepted suggestions       {Rate(a.Accepted)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  corrected suggestions      {Rate(a.Corrected)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  labeled from scratch       {Rate(a.Scratch)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  the suggestions themselves {Rate(a.Suggestions)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  wrong suggestions accepted {Rate(a.WrongSuggestionsAccepted)}");
        text.Append(Verdict(a.AcceptedMinusScratch));
        return text.ToString();
    }

    private static string Rate(ProportionEstimate e) => e.Rate is { } rate
        ? string.Create(CultureInfo.InvariantCulture, $"{rate * 100:F1}% [{e.Low * 100:F1}%, {e.High * 100:F1}%] of {e.Count}")
        : "n/a (none counted)";

    private static string Verdict(DifferenceEstimate d)
    {
        if (d.Difference is not { } diff)
            return "accepted vs scratch: no references on one side; add reviews (label-error review page) or --gold-author";
        var span = string.Create(CultureInfo.InvariantCulture, $"accepted minus scratch {diff:+0.0%;-0.0%} [{d.Low:+0.0%;-0.0%}, {d.High:+0.0%;-0.0%}]");
        return span + (d.High < 0 ? ": accepted suggestions are less accurate than labels made from scratch (possible rubber-stamping)"
            : d.Low > 0 ? ": accepted suggestions are more accurate than labels made from scratch"
            : ": no clear difference at 95%");
    }
}
