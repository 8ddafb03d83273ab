namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// The distinct rows of a label matrix with their multiplicities: label matrices repeat rows heavily
/// (most items get the same few votes), so per-row algorithms run over patterns instead of items.
/// </summary>
internal sealed class RowPatterns
{
    private readonly short[] _cells;

    private RowPatterns(short[] cells, int columns, int[] counts, int[] patternOfRow)
    {
        _cells = cells;
        Columns = columns;
        Counts = counts;
        PatternOfRow = patternOfRow;
    }

    public int Columns { get; }

    public int Count => Counts.Length;

    /// <summary>How many items share each pattern.</summary>
    public int[] Counts { get; }

    /// <summary>Pattern index of every item.</summary>
    public int[] PatternOfRow { get; }

    public ReadOnlySpan<short> Row(int pattern) => _cells.AsSpan(pattern * Columns, Columns);

    /// <summary>The votes of the patterns as crowd answers: item = pattern, worker = source (abstains left out).</summary>
    public Consensus.CrowdAnswers ToAnswers(int cardinality)
    {
        var items = new List<int>();
        var workers = new List<int>();
        var labels = new List<int>();
        for (var p = 0; p < Count; p++)
        {
            var row = Row(p);
            for (var j = 0; j < row.Length; j++)
            {
                if (row[j] == LabelIndex.Abstain)
                    continue;
                items.Add(p);
                workers.Add(j);
                labels.Add(row[j]);
            }
        }
        return new Consensus.CrowdAnswers([.. items], [.. workers], [.. labels], Count, Columns, cardinality);
    }

    public static RowPatterns Group(LabelMatrix matrix)
    {
        var m = matrix.Columns;
        var index = new Dictionary<RowKey, int>();
        var cells = new List<short>();
        var counts = new List<int>();
        var patternOfRow = new int[matrix.Rows];
        for (var i = 0; i < matrix.Rows; i++)
        {
            var key = new RowKey(matrix.Cells, i * m, m);
            if (!index.TryGetValue(key, out var pattern))
            {
                pattern = counts.Count;
                index.Add(key, pattern);
                cells.AddRange(matrix.Row(i));
                counts.Add(0);
            }
            counts[pattern]++;
            patternOfRow[i] = pattern;
        }
        return new RowPatterns([.. cells], m, [.. counts], patternOfRow);
    }

    private readonly struct RowKey(short[] cells, int offset, int length) : IEquatable<RowKey>
    {
        private ReadOnlySpan<short> Span => cells.AsSpan(offset, length);

        public bool Equals(RowKey other) => Span.SequenceEqual(other.Span);

        public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = default(HashCode);
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Span));
            return hash.ToHashCode();
        }
    }
}
