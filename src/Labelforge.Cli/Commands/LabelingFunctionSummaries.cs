using Labelforge.Core.LabelingFunctions;
using Labelforge.Core.LabelingFunctions.Sets;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Cli.Commands;

/// <summary>The `lf` commands' JSON summaries and their plain-text renderings.</summary>
internal static class LabelingFunctionSummaries
{
    public sealed record FunctionRun(string Name, string Kind, string Fingerprint, double Coverage, long Faults, string? FirstFault);

    public sealed record ApplySummary(
        string Output, int Items, int Functions, IReadOnlyList<string> Labels, double Seconds, double ApplySeconds,
        int ReusedFunctions, int NewItems, long Faults, IReadOnlyList<FunctionRun> FunctionRuns);

    public sealed record FunctionReport(
        string Name, IReadOnlyList<int> Polarity, double Coverage, double Overlaps, double Conflicts,
        int Correct, int Incorrect, double? EmpiricalAccuracy, IReadOnlyList<int> FiringSamples, IReadOnlyList<int> ConflictSamples);

    public sealed record AnalyzeReport(int Items, double Coverage, double Overlap, double Conflict, IReadOnlyList<FunctionReport> Functions);

    public static ApplySummary Apply(LabelingFunctionApplyResult result, LabelingFunctionSet set, string output, double seconds)
    {
        var coverage = LabelingFunctionAnalysis.Coverage(result.Matrix);
        var runs = set.Functions.Select((f, j) => new FunctionRun(
            f.Name, f.Kind, f.Fingerprint, coverage[j], result.Faults[j], result.FirstFaults[j])).ToList();
        return new ApplySummary(output, result.Matrix.Rows, set.Functions.Count, set.Labels, seconds, result.ApplySeconds,
            result.ReusedFunctions, result.NewItems, result.Faults.Sum(), runs);
    }

    public static AnalyzeReport Analyze(LabelMatrixSummary summary, IReadOnlyList<string> names) =>
        new(summary.Items, summary.Coverage, summary.Overlap, summary.Conflict,
            [.. summary.Functions.Select(f => new FunctionReport(names[f.Column], f.Polarity, f.Coverage, f.Overlaps, f.Conflicts,
                f.Correct, f.Incorrect, f.EmpiricalAccuracy, f.FiringSamples, f.ConflictSamples))]);

    public static void PrintApply(TextWriter output, ApplySummary summary)
    {
        output.WriteLine($"Applied {summary.Functions} labeling functions to {summary.Items} items in {summary.Seconds:F3} s " +
            $"({summary.ApplySeconds:F3} s in the functions) -> {summary.Output}");
        foreach (var run in summary.FunctionRuns)
        {
            var fault = run.Faults > 0 ? $"  faults {run.Faults} (first: {run.FirstFault})" : "";
            output.WriteLine($"  {run.Name,-30} {run.Kind,-12} coverage {run.Coverage:P1}{fault}");
        }
    }

    public static void PrintAnalyze(TextWriter output, AnalyzeReport report)
    {
        output.WriteLine($"{report.Items} items: coverage {report.Coverage:P1}, overlap {report.Overlap:P1}, conflict {report.Conflict:P1}");
        output.WriteLine($"  {"name",-30} {"polarity",-10} {"coverage",9} {"overlaps",9} {"conflicts",9} {"accuracy",9}");
        foreach (var f in report.Functions)
        {
            var accuracy = f.EmpiricalAccuracy is { } a ? a.ToString("P1") : "-";
            output.WriteLine($"  {f.Name,-30} {string.Join('/', f.Polarity),-10} {f.Coverage,9:P1} {f.Overlaps,9:P1} {f.Conflicts,9:P1} {accuracy,9}");
        }
    }
}
