namespace Labelforge.Engine.LabelErrors;

/// <summary>Rounds a matrix of expected counts to integers while each row keeps its (rounded) total.</summary>
internal static class RowRounding
{
    public static int[,] RoundPreservingRowTotals(double[,] values)
    {
        var rows = values.GetLength(0);
        var cols = values.GetLength(1);
        var result = new int[rows, cols];
        var row = new double[cols];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
                row[j] = values[i, j];
            var rounded = RoundPreservingSum(row);
            for (var j = 0; j < cols; j++)
                result[i, j] = rounded[j];
        }
        return result;
    }

    /// <summary>
    /// Rounds half to even, then moves the shortfall onto the entries that were rounded down the most
    /// (or the excess off those rounded up the most), so the integers sum to the rounded float total.
    /// </summary>
    public static int[] RoundPreservingSum(ReadOnlySpan<double> values)
    {
        var ints = new int[values.Length];
        var floatSum = 0.0;
        var intSum = 0;
        for (var j = 0; j < values.Length; j++)
        {
            ints[j] = (int)Math.Round(values[j]);
            floatSum += values[j];
            intSum += ints[j];
        }
        var diff = (int)Math.Round(floatSum) - intSum;
        if (diff == 0)
            return ints;
        // Largest residual first when adding, smallest first when taking away; ties by index (the sort is stable).
        var sign = Math.Sign(diff);
        var order = new int[values.Length];
        var keys = new double[values.Length];
        for (var j = 0; j < values.Length; j++)
        {
            order[j] = j;
            keys[j] = -sign * (values[j] - ints[j]);
        }
        StableKeySort.Sort(keys, order);
        for (var step = 0; step < Math.Abs(diff); step++)
            ints[order[step % values.Length]] += sign;
        return ints;
    }
}
