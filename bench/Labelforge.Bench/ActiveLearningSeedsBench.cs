using System.Globalization;
using Labelforge.Cli.Input;
using Labelforge.Engine.ActiveLearning;
using Labelforge.Training.ActiveLearning;
using Labelforge.Training.Evaluation;
using Labelforge.Training.Fast;

namespace Labelforge.Bench;

/// <summary>
/// Our loop on many seeds of the reference protocol (small-text's split, a class-balanced initial sample of 20 drawn
/// per seed the way small-text's random_initialization_balanced draws it, least confidence, batches of 20), to tell a
/// systematic difference between loop variants from the seed-to-seed noise that three seeds cannot separate.
/// AL_SEEDS (default 20) seeds from 0, AL_SEED_BUDGET (default 400) labels per run, AL_SETS (default sms-spam).
/// </summary>
internal static class ActiveLearningSeedsBench
{
    private static readonly int[] Points = [40, 60, 80, 100, 140, 200, 300, 400, 700, 1000, 1500];

    private static readonly (string Name, SoftmaxRegressionOptions Model, bool Distinct)[] Variants =
    [
        ("peer's model, a batch may hold copies (small-text's rule)", new(), false),
        ("peer's model, one item per group of identical vectors", new(), true),
        ("balanced class weights, copies allowed", new() { ClassWeighting = ClassWeighting.Balanced }, false),
        ("balanced class weights, one per group (default)", new() { ClassWeighting = ClassWeighting.Balanced }, true),
    ];

    public static Task RunAsync()
    {
        var seeds = int.Parse(Environment.GetEnvironmentVariable("AL_SEEDS") ?? "20", CultureInfo.InvariantCulture);
        var budget = int.Parse(Environment.GetEnvironmentVariable("AL_SEED_BUDGET") ?? "400", CultureInfo.InvariantCulture);
        var only = Environment.GetEnvironmentVariable("AL_VARIANTS")?.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToHashSet();
        foreach (var set in (Environment.GetEnvironmentVariable("AL_SETS") ?? "sms-spam").Split(','))
        {
            var data = set switch { "sms-spam" => BenchData.SmsSpam(), "emotion-carer" => BenchData.Emotion(), _ => BenchData.YouTubeSpam() };
            // A set without small-text reference runs gets a seeded stratified 80/20 split.
            var (pool, test) = set == "youtube-spam" ? DataSplit.TrainTest(data.Labels, 0.2, 0) : ReferenceSplit(set);
            Console.WriteLine($"### {set}: least confidence, seeds 0-{seeds - 1}, balanced initial 20, batches of 20 to {budget} labels (mean test macro-F1)");
            Console.WriteLine();
            Console.WriteLine($"| variant | full pool | labels to 95% of own full pool: mean ± s.e. (not reached) | {string.Join(" | ", Points.Where(p => p <= budget))} |");
            Console.WriteLine($"|---|---:|---|{string.Concat(Points.Where(p => p <= budget).Select(_ => "---:|"))}");
            for (var v = 0; v < Variants.Length; v++)
            {
                if (only is not null && !only.Contains(v))
                    continue;
                Row(Variants[v], data, pool, test, seeds, budget);
            }
            Console.WriteLine();
        }
        return Task.CompletedTask;
    }

    private static void Row((string Name, SoftmaxRegressionOptions Model, bool Distinct) variant, LabeledText data, int[] pool, int[] test, int seeds, int budget)
    {
        var k = data.ClassNames.Length;
        var runs = Enumerable.Range(0, seeds).Select(seed => ActiveLearningSimulation.Run(data.Texts, data.Labels, k, new SimulationOptions
        {
            Strategy = QueryStrategy.LeastConfidence, Batch = 20, Budget = budget, Seed = seed, Model = variant.Model, DistinctBatches = variant.Distinct,
            Split = new SimulationSplit(pool, test, BalancedInitial(pool, data.Labels, k, 20, seed)),
        })).ToList();
        var reached = runs.Where(r => r.LabelsTo95 is not null).Select(r => (double)r.LabelsTo95!.Value).ToList();
        var mean = reached.Count > 0 ? reached.Average() : double.NaN;
        var se = reached.Count > 1 ? Math.Sqrt(reached.Sum(x => (x - mean) * (x - mean)) / (reached.Count - 1) / reached.Count) : double.NaN;
        var cells = Points.Where(p => p <= budget).Select(p => runs.Average(r => r.Curve.First(c => c.Labels == p).MacroF1).ToString("F3", CultureInfo.InvariantCulture));
        Console.WriteLine($"| {variant.Name} | {runs[0].FullData.MacroF1:F4} | {mean:F0} ± {se:F0} ({seeds - reached.Count}) | {string.Join(" | ", cells)} |");
    }

    private static (int[] Pool, int[] Test) ReferenceSplit(string set)
    {
        var reference = ReferenceCurves.Load(set);
        return (reference.Pool, reference.Test);
    }

    /// <summary>
    /// small-text's random_initialization_balanced: ⌊n/k⌋ items of each class, the remainder to classes drawn in
    /// proportion to their remaining pool counts, items drawn without replacement within each class (seeded).
    /// </summary>
    internal static int[] BalancedInitial(int[] pool, int[] labels, int k, int n, int seed)
    {
        var random = new Random(seed);
        var byClass = Enumerable.Range(0, k).Select(c => pool.Where(i => labels[i] == c).ToList()).ToArray();
        var take = Enumerable.Repeat(n / k, k).ToArray();
        for (var extra = n - (take.Sum()); extra > 0; extra--)
        {
            var remaining = byClass.Select((items, c) => Math.Max(items.Count - take[c], 0)).ToArray();
            var draw = random.Next(remaining.Sum());
            var c = 0;
            for (; draw >= remaining[c]; c++)
                draw -= remaining[c];
            take[c]++;
        }
        return [.. byClass.SelectMany((items, c) => ActiveLearningQuery.RandomSample(items.Count, take[c], random).Select(r => items[r]))];
    }
}
