namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// A label matrix Λ (n items × m sources): cell (i, j) is the label index source j gave item i, or
/// <see cref="LabelIndex.Abstain"/>. Stored row-major as 16-bit cells, so a million items × 100 labeling
/// functions take 200 MB and a row is one contiguous span.
/// </summary>
public sealed class LabelMatrix
{
    /// <summary>Creates a matrix over existing cells (row-major, length rows × columns); the array is not copied.</summary>
    public LabelMatrix(int rows, int columns, short[] cells)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (cells.Length != (long)rows * columns)
            throw new ArgumentException($"expected {(long)rows * columns} cells, got {cells.Length}", nameof(cells));
        Rows = rows;
        Columns = columns;
        Cells = cells;
    }

    /// <summary>Creates an all-abstain matrix.</summary>
    public LabelMatrix(int rows, int columns)
        : this(rows, columns, NewAbstainCells(rows, columns))
    {
    }

    /// <summary>Number of items n.</summary>
    public int Rows { get; }

    /// <summary>Number of sources (labeling functions) m.</summary>
    public int Columns { get; }

    /// <summary>Row-major cells; cell (i, j) is at i × <see cref="Columns"/> + j.</summary>
    public short[] Cells { get; }

    /// <summary>The label at (row, column), or <see cref="LabelIndex.Abstain"/>.</summary>
    public int this[int row, int column]
    {
        get => Cells[((long)row * Columns) + column];
        set => Cells[((long)row * Columns) + column] = checked((short)value);
    }

    /// <summary>One row as a span of cells.</summary>
    public ReadOnlySpan<short> Row(int row) => Cells.AsSpan(row * Columns, Columns);

    /// <summary>Builds a matrix from jagged rows (all of the same length).</summary>
    public static LabelMatrix FromRows(IReadOnlyList<int[]> rows)
    {
        var columns = rows.Count == 0 ? 0 : rows[0].Length;
        var matrix = new LabelMatrix(rows.Count, columns);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns)
                throw new ArgumentException($"row {i} has {rows[i].Length} cells, expected {columns}", nameof(rows));
            for (var j = 0; j < columns; j++)
                matrix[i, j] = rows[i][j];
        }
        return matrix;
    }

    /// <summary>The largest label index in the matrix plus one (0 when every cell abstains).</summary>
    public int InferCardinality()
    {
        var max = LabelIndex.Abstain;
        foreach (var cell in Cells)
            max = Math.Max(max, cell);
        return max + 1;
    }

    /// <summary>Throws when a cell is neither abstain nor in 0..cardinality-1.</summary>
    public void Validate(int cardinality)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cardinality, 2);
        for (var c = 0; c < Cells.Length; c++)
        {
            var cell = Cells[c];
            if (cell != LabelIndex.Abstain && (cell < 0 || cell >= cardinality))
                throw new ArgumentException(
                    $"cell (row {c / Columns}, column {c % Columns}) holds {cell}, outside abstain and 0..{cardinality - 1}");
        }
    }

    private static short[] NewAbstainCells(int rows, int columns)
    {
        var cells = new short[(long)rows * columns];
        Array.Fill(cells, (short)LabelIndex.Abstain);
        return cells;
    }
}
