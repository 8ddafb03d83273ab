namespace Labelforge.Training.Evaluation;

/// <summary>Seeded splits of row indices: a stratified train/test split and k folds.</summary>
public static class DataSplit
{
    /// <summary>
    /// Holds out round(testFraction · n_c) rows of every class c (at least one when the class has two or more), so small
    /// classes are represented in the test split; both parts are returned in ascending row order.
    /// </summary>
    public static (int[] Train, int[] Test) TrainTest(int[] labels, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (testFraction is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "must be between 0 and 1");
        var random = new Random(seed);
        var test = new List<int>();
        var train = new List<int>();
        foreach (var group in Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var rows = group.ToArray();
            random.Shuffle(rows);
            var take = rows.Length < 2 ? 0 : Math.Max(1, (int)Math.Round(testFraction * rows.Length));
            test.AddRange(rows[..take]);
            train.AddRange(rows[take..]);
        }
        train.Sort();
        test.Sort();
        return ([.. train], [.. test]);
    }

    /// <summary>Fold number 0..folds-1 per row, stratified by label: each class is dealt round-robin after a seeded shuffle.</summary>
    public static int[] Folds(int[] labels, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var random = new Random(seed);
        var fold = new int[labels.Length];
        var next = 0;
        foreach (var group in Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var rows = group.ToArray();
            random.Shuffle(rows);
            foreach (var row in rows)
                fold[row] = next++ % folds;
        }
        return fold;
    }
}
