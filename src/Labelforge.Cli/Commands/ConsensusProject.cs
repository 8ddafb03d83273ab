using System.CommandLine;
using System.Globalization;
using Labelforge.Cli.Consensus;
using Labelforge.Cli.Output;
using Labelforge.Core.Consensus;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge consensus PROJECT --method M [--seed N] [--gold-file GOLD.csv]`: a stored run over the project's current human labels.</summary>
internal static class ConsensusProject
{
    public static async Task<int> ExecuteAsync(ParseResult parse, ConsensusCommandOptions o, CliStore store, Project project, CancellationToken ct)
    {
        var request = new ConsensusRequest(parse.GetValue(o.Method)!, parse.GetValue(o.Seed));
        var outcome = await store.Get<ConsensusOperations>().RunAsync(project.Id, request, ct);
        GoldLabels? gold = null;
        if (parse.GetValue(o.GoldFile) is { } goldPath)
        {
            var table = await TableAsync(store, project.Id, outcome, ct);
            gold = GoldCsvReader.Read(goldPath, table, o.Layout.ParseDelimiter(parse), parse.GetValue(o.GoldItemColumn)!, parse.GetValue(o.GoldLabelColumn));
        }
        var run = outcome.Run;
        var summary = new ProjectConsensusSummary
        {
            Method = run.Method,
            RunId = run.Id,
            Author = run.Author,
            Items = run.Items,
            Annotators = run.Annotators,
            Answers = run.Answers,
            Iterations = run.Iterations,
            Converged = run.Converged,
            Seconds = run.Seconds,
            Accuracy = gold is null || gold.ItemCount == 0 ? null : Math.Round(gold.Accuracy(outcome.Result.Labels), 6),
            GoldItems = gold?.ItemCount,
        };
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{run.Method}: {run.Items} items, {run.Annotators} annotators, {run.Answers} answers, {run.Iterations} iterations, {run.Seconds:F3} s; labels written as {run.Author}");
        if (summary.Accuracy is { } accuracy)
            text += string.Create(CultureInfo.InvariantCulture, $"; accuracy {accuracy:F4} on {summary.GoldItems} gold items");
        var stdout = parse.InvocationConfiguration.Output;
        if (parse.GetValue(o.Json))
            CliJson.Write(stdout, summary);
        else
            stdout.WriteLine(text);
        return 0;
    }

    /// <summary>The run's answers named as a gold file names them: items by external id (else id), labels by reference.</summary>
    private static async Task<AnswerTable> TableAsync(CliStore store, long projectId, ConsensusOutcome outcome, CancellationToken ct)
    {
        var ids = await store.Db.Items.AsNoTracking().Where(i => i.ProjectId == projectId)
            .Select(i => new { i.Id, i.ExternalId }).ToDictionaryAsync(i => i.Id, i => i.ExternalId, ct);
        var resolver = await store.Get<TaxonomyOperations>().ResolverAsync(projectId, ct);
        var answers = outcome.Answers;
        return new AnswerTable
        {
            Path = "project",
            Answers = answers.Answers,
            ItemNames = [.. answers.ItemIds.Select(id => ids.GetValueOrDefault(id) ?? id.ToString(CultureInfo.InvariantCulture))],
            AnnotatorNames = answers.Annotators,
            LabelNames = [.. answers.LabelIds.Select(id => resolver.Lookup.ReferenceOf(id))],
            LabelFirstLines = new int[answers.LabelIds.Length],
        };
    }
}

/// <summary>The `consensus PROJECT --json` summary (snake_case keys).</summary>
public sealed class ProjectConsensusSummary
{
    public required string Method { get; init; }

    public long RunId { get; init; }

    public required string Author { get; init; }

    public int Items { get; init; }

    public int Annotators { get; init; }

    public int Answers { get; init; }

    public int Iterations { get; init; }

    public bool Converged { get; init; }

    public double Seconds { get; init; }

    public double? Accuracy { get; init; }

    public int? GoldItems { get; init; }
}
