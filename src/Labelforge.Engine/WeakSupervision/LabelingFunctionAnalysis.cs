namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// Computes <see cref="LabelMatrixSummary"/> for a label matrix in one pass over its rows: per row it
/// counts votes and distinct labels, then credits each voting source with an overlap (another vote in the
/// row) or a conflict (a different vote in the row). Definitions follow Snorkel's LFAnalysis (Ratner et al.,
/// VLDB 2018), with gold rows equal to <see cref="LabelIndex.Abstain"/> treated as unknown.
/// </summary>
public static class LabelingFunctionAnalysis
{
    /// <summary>Analyzes <paramref name="matrix"/>; <paramref name="gold"/> (one label per row or null) adds accuracy.</summary>
    public static LabelMatrixSummary Analyze(LabelMatrix matrix, IReadOnlyList<int>? gold = null, int samples = 5)
    {
        if (gold is not null && gold.Count != matrix.Rows)
            throw new ArgumentException($"gold has {gold.Count} rows, the matrix {matrix.Rows}", nameof(gold));
        var m = matrix.Columns;
        var acc = new Accumulator(m, samples);
        for (var i = 0; i < matrix.Rows; i++)
            acc.AddRow(i, matrix.Row(i), gold is null ? LabelIndex.Abstain : gold[i]);
        return acc.Summarize(matrix.Rows);
    }

    /// <summary>
    /// Coverage of each column alone (the fraction of rows where it votes), as <see cref="Analyze"/> reports it, in one
    /// pass without the overlap, conflict and polarity bookkeeping (what `lf apply` prints after every run).
    /// </summary>
    public static double[] Coverage(LabelMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var fires = new long[matrix.Columns];
        for (var i = 0; i < matrix.Rows; i++)
        {
            var row = matrix.Row(i);
            for (var j = 0; j < row.Length; j++)
                fires[j] += row[j] != LabelIndex.Abstain ? 1 : 0;
        }
        return Array.ConvertAll(fires, f => matrix.Rows == 0 ? 0 : f / (double)matrix.Rows);
    }

    private sealed class Accumulator(int m, int samples)
    {
        private readonly int[] _fires = new int[m];
        private readonly int[] _overlaps = new int[m];
        private readonly int[] _conflicts = new int[m];
        private readonly int[] _correct = new int[m];
        private readonly int[] _incorrect = new int[m];
        private readonly SortedSet<int>[] _polarity = Enumerable.Range(0, m).Select(_ => new SortedSet<int>()).ToArray();
        private readonly List<int>[] _fireSamples = Enumerable.Range(0, m).Select(_ => new List<int>()).ToArray();
        private readonly List<int>[] _conflictSamples = Enumerable.Range(0, m).Select(_ => new List<int>()).ToArray();
        private int _covered;
        private int _overlapped;
        private int _conflicted;

        public void AddRow(int row, ReadOnlySpan<short> cells, int gold)
        {
            int votes = 0, first = LabelIndex.Abstain;
            var mixed = false;
            foreach (var cell in cells)
            {
                if (cell == LabelIndex.Abstain)
                    continue;
                votes++;
                if (first == LabelIndex.Abstain)
                    first = cell;
                else if (cell != first)
                    mixed = true;
            }
            _covered += votes > 0 ? 1 : 0;
            _overlapped += votes > 1 ? 1 : 0;
            _conflicted += mixed ? 1 : 0;
            for (var j = 0; j < cells.Length; j++)
            {
                if (cells[j] != LabelIndex.Abstain)
                    AddVote(row, j, cells[j], votes > 1, mixed, gold);
            }
        }

        private void AddVote(int row, int j, int label, bool overlapped, bool mixed, int gold)
        {
            _fires[j]++;
            _polarity[j].Add(label);
            if (_fireSamples[j].Count < samples)
                _fireSamples[j].Add(row);
            if (overlapped)
                _overlaps[j]++;
            // A row with two different labels conflicts for every voter: each disagrees with someone.
            if (mixed)
            {
                _conflicts[j]++;
                if (_conflictSamples[j].Count < samples)
                    _conflictSamples[j].Add(row);
            }
            if (gold == LabelIndex.Abstain)
                return;
            if (gold == label)
                _correct[j]++;
            else
                _incorrect[j]++;
        }

        public LabelMatrixSummary Summarize(int n)
        {
            double Frac(int count) => n == 0 ? 0 : count / (double)n;
            var functions = new LabelingFunctionSummary[m];
            for (var j = 0; j < m; j++)
            {
                var judged = _correct[j] + _incorrect[j];
                functions[j] = new LabelingFunctionSummary(
                    j, _polarity[j].ToArray(), Frac(_fires[j]), Frac(_overlaps[j]), Frac(_conflicts[j]),
                    _correct[j], _incorrect[j], judged == 0 ? null : _correct[j] / (double)judged,
                    _fireSamples[j], _conflictSamples[j]);
            }
            return new LabelMatrixSummary(n, Frac(_covered), Frac(_overlapped), Frac(_conflicted), functions);
        }
    }
}
