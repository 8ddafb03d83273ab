using Labelforge.Cli.Input;
using Labelforge.Cli.Output;
using Labelforge.Engine.ActiveLearning;
using Labelforge.Training.ActiveLearning;

namespace Labelforge.Bench;

/// <summary>
/// `al simulate` on SMS Spam and SpamAssassin (init 20, batch 20, budget 1,500, 20% held out, seed 42) per strategy;
/// writes docs/img/al-&lt;set&gt;.svg with the macro-F1 curves. For two classes least confidence, margin and entropy rank
/// items identically (all are monotone in max p), so margin stands for the three.
/// </summary>
internal static class ActiveLearningSimulationBench
{
    private static readonly QueryStrategy[] Strategies = [QueryStrategy.Random, QueryStrategy.Margin, QueryStrategy.Diversity, QueryStrategy.UncertaintyDiversity];

    public static async Task RunAsync()
    {
        Console.WriteLine("| set | strategy | full-data macro-F1 | labels to 95% | labels to 98% | macro-F1 at 200 / 500 / 1,500 labels | run time |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, data) in new[] { ("sms-spam", BenchData.SmsSpam()), ("spam-assassin", BenchData.SpamAssassin()) })
        {
            var results = new List<SimulationResult>();
            foreach (var strategy in Strategies)
            {
                var r = ActiveLearningSimulation.Run(data.Texts, data.Labels, data.ClassNames.Length, new SimulationOptions { Strategy = strategy });
                results.Add(r);
                Console.WriteLine($"| {name} | {strategy} | {r.FullData.MacroF1:F4} | {r.LabelsTo95?.ToString() ?? "never"} | {r.LabelsTo98?.ToString() ?? "never"} | {At(r, 200)} / {At(r, 500)} / {At(r, 1500)} | {r.Seconds:F0} s |");
            }
            Directory.CreateDirectory(DocsImages);
            await File.WriteAllTextAsync(Path.Combine(DocsImages, $"al-{name}.svg"), LearningCurvePlot.Render($"Active learning on {name} (macro-F1, held-out 20%)", results));
        }
    }

    private static string DocsImages => Path.Combine(BenchData.RepoRoot, "docs", "img");

    private static string At(SimulationResult r, int labels) =>
        r.Curve.LastOrDefault(p => p.Labels <= labels) is { } p ? p.MacroF1.ToString("F3") : "-";
}
