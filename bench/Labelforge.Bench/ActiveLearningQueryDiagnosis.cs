using Labelforge.Cli.Input;
using Labelforge.Engine;
using Labelforge.Training.Fast;

namespace Labelforge.Bench;

/// <summary>
/// Where our loop and small-text's part on SMS Spam: at the peer's own labeled set after each of its early rounds,
/// our model (the peer's definition) ranks the unlabeled pool by least confidence and we compare our next batch with
/// the batch the peer took. Overlap near 20 of 20 means both loops would pick the same items from the same state, so
/// the curves part only through ties and chaos; low overlap among distinct scores would mean the fits differ.
/// </summary>
internal static class ActiveLearningQueryDiagnosis
{
    public static Task RunAsync()
    {
        var data = BenchData.SmsSpam();
        var reference = ReferenceCurves.Load("sms-spam");
        var featurizer = new TfidfFeaturizer();
        var pool = featurizer.FitTransform([.. reference.Pool.Select(i => data.Texts[i])]);
        var row = reference.Pool.Select((item, r) => (item, r)).ToDictionary(p => p.item, p => p.r);
        var groups = DuplicateVectors.FirstOf(pool);
        Console.WriteLine("| seed | labels | spam labeled | model predicts spam (pool) | peer batch: spam | ours: spam | overlap (of 20) | peer picks tied with our 20th (f64) | items tied at our 20th: f64 / f32 | peer picks that copy another pick |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var seed in reference.Strategies["least_confidence"].Seeds)
        {
            var items = seed.InitItems.ToList();
            for (var r = 0; r < 10; r++)
            {
                if (r > 0)
                    items.AddRange(seed.Queried[r - 1]);
                Round(seed.Seed, items, seed.Queried[r], pool, reference.Pool, row, groups, data, featurizer.Dimension);
            }
        }
        return Task.CompletedTask;
    }

    private static void Round(int seed, List<int> items, int[] peerBatch, SparseVector[] pool, int[] poolItems, Dictionary<int, int> row, int[] groups, LabeledText data, int dimension)
    {
        var model = SoftmaxRegression.Train([.. items.Select(i => pool[row[i]])], [.. items.Select(i => data.Labels[i])], 2, dimension);
        var labeled = items.Select(i => row[i]).ToHashSet();
        var unlabeled = Enumerable.Range(0, pool.Length).Where(r => !labeled.Contains(r)).ToArray();
        var p64 = model.PredictProbabilitiesDouble([.. unlabeled.Select(r => pool[r])]);
        var s64 = unlabeled.Select((_, u) => 1 - Math.Max(p64[2 * u], p64[(2 * u) + 1])).ToArray();
        var s32 = unlabeled.Select((_, u) => 1.0 - Math.Max((float)p64[2 * u], (float)p64[(2 * u) + 1])).ToArray();
        var ours = TopK.Largest(s64, 20);
        var twentieth = s64[ours[^1]];
        var twentieth32 = s32[TopK.Largest(s32, 20)[^1]];
        var oursItems = ours.Select(u => unlabeled[u]).ToHashSet();
        var peerRows = peerBatch.Select(i => row[i]).ToArray();
        var at = unlabeled.Select((r, u) => (r, u)).ToDictionary(p => p.r, p => p.u);
        var overlap = peerRows.Count(oursItems.Contains);
        var peerTied = peerRows.Count(r => !oursItems.Contains(r) && s64[at[r]] == twentieth);
        var copies = peerRows.Length - peerRows.Select(r => groups[r]).Distinct().Count();
        var predictsSpam = Enumerable.Range(0, unlabeled.Length).Count(u => p64[(2 * u) + 1] > 0.5);
        Console.WriteLine($"| {seed} | {items.Count} | {items.Count(i => data.Labels[i] == 1)} | {predictsSpam} | {peerBatch.Count(i => data.Labels[i] == 1)} | "
            + $"{ours.Count(u => data.Labels[poolItems[unlabeled[u]]] == 1)} | {overlap} | {peerTied} | {s64.Count(s => s == twentieth)} / {s32.Count(s => s == twentieth32)} | {copies} |");
    }
}
