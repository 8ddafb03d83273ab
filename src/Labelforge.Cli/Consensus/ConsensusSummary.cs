using System.Globalization;
using Labelforge.Engine.Consensus;

namespace Labelforge.Cli.Consensus;

/// <summary>The `aggregate --json` summary (snake_case keys).</summary>
public sealed class ConsensusSummary
{
    public required string Method { get; init; }

    public int Items { get; init; }

    public int Annotators { get; init; }

    public int Answers { get; init; }

    public int Classes { get; init; }

    public int Iterations { get; init; }

    public bool Converged { get; init; }

    public double? LogLikelihood { get; init; }

    public double Seconds { get; init; }

    public double? Accuracy { get; init; }

    public int? GoldItems { get; init; }

    public int SkippedRows { get; init; }

    public string? Output { get; init; }

    public static ConsensusSummary From(string method, AnswerTable table, ConsensusResult result, double seconds, GoldLabels? gold, string? output) => new()
    {
        Method = method,
        Items = table.ItemNames.Length,
        Annotators = table.AnnotatorNames.Length,
        Answers = table.Answers.Count,
        Classes = table.LabelNames.Length,
        Iterations = result.Iterations,
        Converged = result.Converged,
        LogLikelihood = result.LogLikelihoodHistory.Length > 0 ? result.LogLikelihoodHistory[^1] : null,
        Seconds = Math.Round(seconds, 4),
        Accuracy = gold is null || gold.ItemCount == 0 ? null : Math.Round(gold.Accuracy(result.Labels), 6),
        GoldItems = gold?.ItemCount,
        SkippedRows = table.SkippedRows,
        Output = output,
    };

    public string ToText()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Method}: {Items} items, {Annotators} annotators, {Answers} answers, {Iterations} iterations, {Seconds:F3} s");
        if (Accuracy is { } accuracy)
            text += string.Create(CultureInfo.InvariantCulture, $", accuracy {accuracy:F4} on {GoldItems} gold items");
        return Output is null ? text : text + $"; labels written to {Output}";
    }
}
