using Labelforge.Training.ActiveLearning;

namespace Labelforge.Cli.Output;

/// <summary>Macro-F1 learning curves of one or more simulations, with the full-data score as a reference line.</summary>
internal static class LearningCurvePlot
{
    public static string Render(string title, IReadOnlyList<SimulationResult> results)
    {
        var series = new List<(string, IReadOnlyList<(double, double)>)>();
        foreach (var r in results)
            series.Add((r.Strategy, [.. r.Curve.Select(p => ((double)p.Labels, p.MacroF1))]));
        var last = results.SelectMany(r => r.Curve).Max(p => p.Labels);
        var full = results[0].FullData.MacroF1;
        series.Add(("full data", [(0, full), (last, full)]));
        series.Add(("95% of full", [(0, 0.95 * full), (last, 0.95 * full)]));
        var yMin = Math.Floor(Math.Min(0.9, results.SelectMany(r => r.Curve).Min(p => p.MacroF1)) * 10) / 10;
        return SvgLineChart.Render(title, "labeled items", "macro-F1 on held-out split", series, Math.Max(0, yMin));
    }
}
