using System.Globalization;
using System.Text.Json.Serialization;
using Labelforge.Engine.Agreement;

namespace Labelforge.Cli.Consensus;

/// <summary>The `agreement --json` summary; undefined coefficients (no variation, no pairable items) are null.</summary>
public sealed class AgreementSummary
{
    public required string Metric { get; init; }

    public string? Level { get; init; }

    public string? Weights { get; init; }

    /// <summary>Always written, as null when the coefficient is undefined, so scripts can rely on the key.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Value { get; init; }

    public int Items { get; init; }

    public int Annotators { get; init; }

    public int Answers { get; init; }

    public IntervalSummary? Ci95 { get; init; }

    public Dictionary<string, double?>? PerLabel { get; init; }

    public PairwiseSummary? Pairwise { get; init; }

    public string? Note { get; init; }

    public static AgreementSummary Compute(
        string name, AgreementMetric metric, AgreementOptions options, AnswerTable table, int replicates, int seed, bool perLabel, bool pairwise)
    {
        var answers = table.Answers;
        var value = AgreementMeasure.Compute(metric, answers, options);
        IntervalSummary? interval = null;
        if (replicates > 0)
        {
            var ci = AgreementBootstrap.Compute(metric, answers, replicates, seed, options);
            interval = new IntervalSummary(Finite(ci.Lower), Finite(ci.Upper), ci.Replicates);
        }
        return new AgreementSummary
        {
            Metric = name,
            Level = metric == AgreementMetric.KrippendorffAlpha ? options.Level.ToString().ToLowerInvariant() : null,
            Weights = metric == AgreementMetric.CohenKappa ? options.Weighting.ToString().ToLowerInvariant() : null,
            Value = Finite(value),
            Items = table.ItemNames.Length,
            Annotators = table.AnnotatorNames.Length,
            Answers = answers.Count,
            Ci95 = interval,
            PerLabel = perLabel ? PerLabelValues(metric, table) : null,
            Pairwise = pairwise ? PairwiseSummary.From(table, options.Weighting) : null,
            Note = double.IsFinite(value) ? null : "undefined: no item has two answers, or there is no variation in the labels",
        };
    }

    public string ToText()
    {
        var text = Metric + (Level is null ? "" : $" ({Level})") + ": " + Format(Value)
            + $" over {Items} items, {Annotators} annotators";
        if (Ci95 is not null)
            text += $"; 95% CI {Format(Ci95.Lower)}..{Format(Ci95.Upper)}";
        if (PerLabel is not null)
            text += Environment.NewLine + string.Join(Environment.NewLine, PerLabel.Select(p => $"  {p.Key}: {Format(p.Value)}"));
        return Note is null ? text : text + Environment.NewLine + Note;
    }

    private static Dictionary<string, double?> PerLabelValues(AgreementMetric metric, AnswerTable table)
    {
        // One-vs-rest views have two annotators only where the whole file does, so Cohen stays valid.
        var values = AgreementMeasure.PerLabel(metric, table.Answers);
        var result = new Dictionary<string, double?>();
        for (var l = 0; l < values.Length; l++)
            result[table.LabelNames[l]] = Finite(values[l]);
        return result;
    }

    internal static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;

    private static string Format(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "undefined";
}
