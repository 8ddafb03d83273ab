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

    /// <summary>The votes of the patterns as crowd answers: item = pattern, annotator = source (abstains left out).</summary>
    public Consensus.CrowdAnswers ToAnswers(int cardinality)
    {
        var count = 0;
        foreach (var cell in _cells)
            count += cell == LabelIndex.Abstain ? 0 : 1;
        var items = new int[count];
        var annotators = new int[count];
        var labels = new int[count];
        var a = 0;
        for (var c = 0; c < _cells.Length; c++)
        {
            if (_cells[c] == LabelIndex.Abstain)
                continue;
            items[a] = c / Columns;
            annotators[a] = c % Columns;
            labels[a++] = _cells[c];
        }
        return new Consensus.CrowdAnswers(items, annotators, labels, Count, Columns, cardinality);
    }

    /// <summary>
    /// Groups the rows. When a row fits in 64 bits as base-(k+1) digits (20 binary sources do), the key is that
    /// number, which hashes and compares far faster than the cells.
    /// </summary>
    public static RowPatterns Group(LabelMatrix matrix)
    {
        var m = matrix.Columns;
        var radix = (ulong)Math.Max(2, matrix.InferCardinality() + 1);
        return m * Math.Log2(radix) <= 63 ? Group(matrix, i => Pack(matrix.Row(i), radix)) : Group(matrix, i => new RowKey(matrix.Cells, i * m, m));
    }

    private static ulong Pack(ReadOnlySpan<short> row, ulong radix)
    {
        var key = 0UL;
        foreach (var cell in row)
            key = (key * radix) + (ulong)(cell + 1);
        return key;
    }

    private static RowPatterns Group<TKey>(LabelMatrix matrix, Func<int, TKey> keyOf)
        where TKey : notnull
    {
        var m = matrix.Columns;
        var index = new Dictionary<TKey, int>();
        var cells = new List<short>();
        var counts = new List<int>();
        var patternOfRow = new int[matrix.Rows];
        for (var i = 0; i < matrix.Rows; i++)
        {
            var key = keyOf(i);
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
