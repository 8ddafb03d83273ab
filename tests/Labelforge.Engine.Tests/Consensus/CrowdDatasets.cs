using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Tests.Consensus;

/// <summary>Loads the shared crowd datasets into answers plus gold; labels are numbered in ascending numeric order.</summary>
internal static class CrowdDatasets
{
    public static (CrowdAnswers Answers, int[] Gold) Snow(string task)
    {
        var (answers, gold, _) = SnowWithItems(task);
        return (answers, gold);
    }

    public static (CrowdAnswers Answers, int[] Gold) Bluebirds()
    {
        var (answers, gold, _) = BluebirdsWithItems();
        return (answers, gold);
    }

    /// <summary>The set plus the name of every item index (the dataset's own item ids).</summary>
    public static (CrowdAnswers Answers, int[] Gold, string[] Items) SnowWithItems(string task)
    {
        var path = Path.Combine(TestPaths.Datasets, "crowd-snow2008", "all_collected_data", task + ".standardized.tsv");
        var rows = File.ReadLines(path).Skip(1).Select(line => line.Split('\t')).ToList();
        return Build(rows.Select(r => (r[2], r[1], r[3])).ToList(), rows.Select(r => (r[2], r[4])).ToList());
    }

    /// <summary>Bluebirds plus the name of every item index.</summary>
    public static (CrowdAnswers Answers, int[] Gold, string[] Items) BluebirdsWithItems()
    {
        var folder = Path.Combine(TestPaths.Datasets, "crowd-bluebirds");
        var answers = File.ReadLines(Path.Combine(folder, "answers.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var gold = File.ReadLines(Path.Combine(folder, "gold.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        return Build(answers.Select(r => (r[0], r[1], r[2])).ToList(), gold.Select(r => (r[0], r[1])).ToList());
    }

    public static double Accuracy(int[] labels, int[] gold)
    {
        int right = 0, total = 0;
        for (var i = 0; i < gold.Length; i++)
        {
            if (gold[i] == LabelIndex.Abstain)
                continue;
            total++;
            if (labels[i] == gold[i])
                right++;
        }
        return (double)right / total;
    }

    private static (CrowdAnswers, int[], string[]) Build(List<(string Item, string Annotator, string Label)> rows, List<(string Item, string Label)> goldRows)
    {
        var items = Intern(rows.Select(r => r.Item));
        var annotators = Intern(rows.Select(r => r.Annotator));
        var labelNames = rows.Select(r => r.Label).Concat(goldRows.Select(g => g.Label)).Distinct()
            .OrderBy(l => double.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var labels = labelNames.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var answers = new CrowdAnswers(
            rows.Select(r => items[r.Item]).ToArray(),
            rows.Select(r => annotators[r.Annotator]).ToArray(),
            rows.Select(r => labels[r.Label]).ToArray(),
            items.Count, annotators.Count, labels.Count);
        var gold = Enumerable.Repeat(LabelIndex.Abstain, items.Count).ToArray();
        foreach (var (item, label) in goldRows)
            gold[items[item]] = labels[label];
        return (answers, gold, [.. items.OrderBy(e => e.Value).Select(e => e.Key)]);
    }

    private static Dictionary<string, int> Intern(IEnumerable<string> values)
    {
        var map = new Dictionary<string, int>();
        foreach (var v in values)
            map.TryAdd(v, map.Count);
        return map;
    }
}
