using System.Globalization;
using Labelforge.Cli.Consensus;
using Labelforge.Engine.Consensus;

namespace Labelforge.Bench;

/// <summary>
/// Dawid-Skene accuracy vs gold for several pseudo-counts on the shared crowd sets, whole and thinned to 2 or 3
/// answers per item (seeded), where thinly observed annotators make the prior matter. Smoothing 0 is crowd-kit's
/// algorithm, the reference; every other row is counted against it set by set.
/// </summary>
internal static class DawidSkeneSmoothingSuite
{
    private static readonly double[] Smoothings = [0, 0.01, 0.1, 1];

    public static Task RunAsync()
    {
        var sets = ConsensusSuite.SharedSets().ToList();
        var cases = new List<(string Name, CrowdAnswers Answers, GoldLabels Gold)>();
        foreach (var (name, table, gold) in sets)
        {
            cases.Add((name, table.Answers, gold));
            foreach (var perItem in new[] { 2, 3 })
            {
                for (var seed = 0; seed < 3; seed++)
                    cases.Add(($"{name}, {perItem}/item, seed {seed}", Thin(table.Answers, perItem, seed), gold));
            }
        }
        Console.WriteLine("| set | " + string.Join(" | ", Smoothings.Select(Header)) + " |");
        Console.WriteLine("|---|" + string.Concat(Smoothings.Select(_ => "---|")));
        var accuracy = new double[Smoothings.Length, cases.Count];
        for (var c = 0; c < cases.Count; c++)
        {
            for (var s = 0; s < Smoothings.Length; s++)
                accuracy[s, c] = cases[c].Gold.Accuracy(DawidSkene.Run(cases[c].Answers, new ConsensusOptions { Smoothing = Smoothings[s] }).Labels);
            Console.WriteLine($"| {cases[c].Name} | " + string.Join(" | ", Smoothings.Select((_, s) => F(accuracy[s, c]))) + " |");
        }
        Console.WriteLine("| **mean** | " + string.Join(" | ", Smoothings.Select((_, s) => F(Enumerable.Range(0, cases.Count).Average(c => accuracy[s, c])))) + " |");
        Console.WriteLine("| **sets below the reference** | " + string.Join(" | ", Smoothings.Select((_, s) =>
            Enumerable.Range(0, cases.Count).Count(c => accuracy[s, c] < accuracy[0, c] - 1e-12).ToString(CultureInfo.InvariantCulture))) + " |");
        return Task.CompletedTask;
    }

    private static string Header(double s) => s == 0 ? "s = 0 (crowd-kit, default)" : $"s = {s.ToString(CultureInfo.InvariantCulture)}";

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>Keeps a seeded random <paramref name="perItem"/> of each item's answers (all when it has fewer).</summary>
    private static CrowdAnswers Thin(CrowdAnswers answers, int perItem, int seed)
    {
        var random = new Random(seed);
        var byItem = Enumerable.Range(0, answers.Count).GroupBy(a => answers.Items[a]).OrderBy(g => g.Key);
        var kept = byItem.SelectMany(g => g.OrderBy(_ => random.Next()).Take(perItem)).ToArray();
        return new CrowdAnswers(
            [.. kept.Select(a => answers.Items[a])], [.. kept.Select(a => answers.Annotators[a])], [.. kept.Select(a => answers.Labels[a])],
            answers.ItemCount, answers.AnnotatorCount, answers.ClassCount);
    }
}
