using System.Globalization;
using Labelforge.Engine.Overlap;
using Labelforge.Engine.Synthetic;

namespace Labelforge.Bench;

/// <summary>
/// Labels spent against consensus accuracy for fixed overlap 1 to 5 and adaptive overlap, on simulated annotators of
/// known accuracy (<see cref="SyntheticCrowd"/>, seeded): 10,000 items, 2 classes, 40 annotators of accuracy 0.6 to 0.95
/// with 10% spammers, each item's answers in the order the queue would collect them. Accuracy estimates per annotator come
/// from 200 gold items (every annotator answered them, as the queue's gold mix would make them), with the same Beta prior
/// as the product (<see cref="AdaptiveOverlap.Accuracy"/>); consensus of every policy is the same one-coin posterior.
/// </summary>
internal static class OverlapBench
{
    private const int Items = 10_000;
    private const int Gold = 200;
    private const int Max = 5;

    public static Task RunAsync()
    {
        var crowd = SyntheticCrowd.Generate(new SyntheticCrowdOptions
        {
            ItemCount = Items, AnnotatorCount = 40, ClassCount = 2, AnswersPerItem = Max, Seed = 14, MinAccuracy = 0.6, MaxAccuracy = 0.95, SpammerFraction = 0.1,
        });
        var gold = SyntheticCrowd.Generate(new SyntheticCrowdOptions
        {
            ItemCount = Gold, AnnotatorCount = 40, ClassCount = 2, AnswersPerItem = 40, Seed = 14, MinAccuracy = 0.6, MaxAccuracy = 0.95, SpammerFraction = 0.1,
        });
        // Same seed, same annotators: the gold crowd's answers estimate each annotator's accuracy.
        var accuracy = Estimates(gold);
        Console.WriteLine("| policy | labels per item | consensus accuracy |");
        Console.WriteLine("|---|---|---|");
        var rows = new List<(string Policy, double Labels, double Accuracy)>();
        for (var k = 1; k <= Max; k++)
            rows.Add(Run(crowd, accuracy, $"fixed {k}", labels => labels < k ? 1.0 : 0.0, k, k, 1.0));
        foreach (var (min, max, target) in new[] { (1, 5, 0.8), (1, 5, 0.85), (1, 5, 0.9), (2, 5, 0.9), (2, 5, 0.95) })
            rows.Add(Run(crowd, accuracy, $"adaptive {min}-{max} @ {target.ToString(CultureInfo.InvariantCulture)}", null, min, max, target));
        foreach (var r in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Policy} | {r.Labels:F3} | {r.Accuracy:F4} |"));
        Console.WriteLine();
        Console.WriteLine("```");
        foreach (var r in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Policy,-22} {new string('#', (int)Math.Round(r.Labels * 10)),-50} {r.Labels:F2} labels  acc {r.Accuracy:F3}"));
        Console.WriteLine("```");
        return Task.CompletedTask;
    }

    private static double[] Estimates(SyntheticCrowd gold)
    {
        var answers = gold.Answers;
        var right = new int[answers.AnnotatorCount];
        var seen = new int[answers.AnnotatorCount];
        for (var a = 0; a < answers.Count; a++)
        {
            seen[answers.Annotators[a]]++;
            if (answers.Labels[a] == gold.Truth[answers.Items[a]])
                right[answers.Annotators[a]]++;
        }
        return [.. Enumerable.Range(0, right.Length).Select(w => AdaptiveOverlap.Accuracy(right[w], seen[w]))];
    }

    private static (string, double, double) Run(SyntheticCrowd crowd, double[] accuracy, string policy, Func<int, double>? fixedMore, int min, int max, double target)
    {
        var answers = crowd.Answers;
        var labels = new int[Items];
        long spent = 0;
        var given = new List<int>(Max);
        var weights = new List<double>(Max);
        for (var i = 0; i < Items; i++)
        {
            given.Clear();
            weights.Clear();
            var needed = min;
            (int Label, double Posterior) result = (-1, 0);
            while (given.Count < needed)
            {
                var a = (i * Max) + given.Count;
                given.Add(answers.Labels[a]);
                weights.Add(accuracy[answers.Annotators[a]]);
                result = AdaptiveOverlap.Posterior(given.ToArray(), weights.ToArray(), 2);
                needed = fixedMore is null ? AdaptiveOverlap.Needed(given.Count, result.Posterior, min, max, target) : min;
            }
            spent += given.Count;
            labels[i] = result.Label;
        }
        return (policy, (double)spent / Items, crowd.Accuracy(labels));
    }
}
