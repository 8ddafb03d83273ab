using System.CommandLine;
using System.Globalization;
using System.Text;
using Labelforge.Cli.Output;
using Labelforge.Core.Adjudication;

namespace Labelforge.Cli.Commands;

/// <summary>
/// `labelforge adjudication PROJECT`: a page of the adjudication queue, most disputed items (posterior entropy of the
/// latest consensus run) first, with every annotator's label and quality. The label-error order needs a label-error run
/// of the server, so the command orders by disagreement; reviewers decide on the web page or through the API.
/// </summary>
internal static class AdjudicationCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var page = new Option<int>("--page") { Description = "Page of the queue, from 1.", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = $"Items per page, 1 to {AdjudicationOperations.MaxPageSize}.", DefaultValueFactory = _ => 20 };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("adjudication", "The adjudication queue: the latest consensus run's items, most disputed first, with each annotator's label, gold accuracy and agreement with consensus.")
        {
            project, page, pageSize, db, json,
        };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var queue = await store.Get<AdjudicationOperations>().QueueAsync(p.Id, AdjudicationOrder.Disagreement, parse.GetValue(page), parse.GetValue(pageSize), ct: ct);
            CliJson.Report(parse, json, queue, Text(queue));
            return 0;
        });
        return command;
    }

    private static string Text(AdjudicationPage q)
    {
        if (q.ConsensusRunId is null)
            return $"{q.Project}: no consensus run yet; run `labelforge consensus {q.Project} --method dawid-skene` first.";
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{q.Project}: {q.Total} open, {q.Decided} decided, consensus run {q.ConsensusRunId} ({q.ConsensusMethod}); page {q.Page}");
        foreach (var item in q.Items)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  item {item.ExternalId ?? item.ItemId.ToString(CultureInfo.InvariantCulture)}: consensus {item.Consensus} {item.Confidence:P0}, entropy {item.Entropy:F3}");
            foreach (var a in item.Answers)
            {
                var gold = a.GoldAccuracy is { } g ? string.Create(CultureInfo.InvariantCulture, $"gold {g:P0}") : "gold n/a";
                var agreement = a.AgreementWithConsensus is { } ag ? string.Create(CultureInfo.InvariantCulture, $"agreement {ag:P0}") : "agreement n/a";
                text.AppendLine(CultureInfo.InvariantCulture, $"    {a.Annotator}: {string.Join(", ", a.Labels)} ({gold}, {agreement}){(a.Flagged ? "  FLAGGED" : "")}");
            }
        }
        return text.ToString().TrimEnd();
    }
}
