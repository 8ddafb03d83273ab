namespace Labelforge.Engine.LabelErrors;

/// <summary>
/// The number of items to remove per cell, P[true j][given i] = C_calibrated[i][j], adjusted so each class keeps at
/// least <c>minPerClass</c> items: a diagonal raised to the minimum takes the difference evenly from the non-zero
/// off-diagonal cells of its column; rows are then rounded keeping their totals.
/// </summary>
internal static class PruneCountMatrix
{
    public static int[,] Build(int[,] calibrated, int minPerClass)
    {
        var k = calibrated.GetLength(0);
        var p = new double[k, k];
        for (var col = 0; col < k; col++)
        {
            var diagonal = calibrated[col, col];
            var raised = Math.Max(diagonal, minPerClass);
            var nonZeroOffDiagonal = 0;
            for (var row = 0; row < k; row++)
            {
                if (calibrated[col, row] != 0)
                    nonZeroOffDiagonal++;
            }
            var share = (raised - diagonal) / Math.Max(nonZeroOffDiagonal - 1.0, 1.0);
            for (var row = 0; row < k; row++)
                p[row, col] = row == col ? raised : Math.Max(calibrated[col, row] - share, 0);
        }
        return RowRounding.RoundPreservingRowTotals(p);
    }
}
