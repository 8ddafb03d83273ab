using System.Text.Json;

namespace Labelforge.Bench;

/// <summary>One seed of a small-text reference run: its initial items, the items each round added, and its curve.</summary>
internal sealed record ReferenceSeed(int Seed, int[] InitItems, int[][] Queried, double[] MacroF1);

/// <summary>One strategy of a reference file: labels points, the seed-averaged macro-F1 and the seeds.</summary>
internal sealed record ReferenceStrategy(string Name, int[] Labels, double[] MeanMacroF1, double? MeanLabelsTo95, IReadOnlyList<ReferenceSeed> Seeds);

/// <summary>
/// small-text 1.4.1 reference learning curves under shared/datasets/SET/reference/: the exact split (split.json) and
/// per strategy and seed the initial sample, the queried items and the test macro-F1 after every round.
/// </summary>
internal sealed record ReferenceCurves(string Set, int[] Pool, int[] Test, double FullPoolMacroF1, IReadOnlyDictionary<string, ReferenceStrategy> Strategies)
{
    public static ReferenceCurves Load(string set)
    {
        var folder = Path.Combine(BenchData.Datasets, set, "reference");
        using var split = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "split.json")));
        using var curves = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "small-text-1.4.1-al-curves.json")));
        var strategies = new Dictionary<string, ReferenceStrategy>();
        foreach (var s in curves.RootElement.GetProperty("strategies").EnumerateObject())
        {
            var seeds = s.Value.GetProperty("seeds").EnumerateArray().Select(e => new ReferenceSeed(
                e.GetProperty("seed").GetInt32(), Ints(e.GetProperty("init_items")),
                [.. e.GetProperty("queried_items").EnumerateArray().Select(Ints)], Doubles(e.GetProperty("macro_f1")))).ToList();
            var to95 = s.Value.GetProperty("labels_to_target").GetProperty("95pct").GetProperty("mean_labels");
            strategies[s.Name] = new ReferenceStrategy(s.Name, Ints(s.Value.GetProperty("labels")), Doubles(s.Value.GetProperty("mean_macro_f1")),
                to95.ValueKind == JsonValueKind.Number ? to95.GetDouble() : null, seeds);
        }
        return new ReferenceCurves(set, Ints(split.RootElement.GetProperty("pool")), Ints(split.RootElement.GetProperty("test")),
            curves.RootElement.GetProperty("full_pool").GetProperty("macro_f1").GetDouble(), strategies);
    }

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];
}
