namespace Labelforge.Engine.Objects;

/// <summary>
/// The assignment problem: given an n × m cost matrix C, choose at most one column per row and one row per column,
/// min(n, m) pairs in all, minimising Σ C[i, σ(i)]. Solved exactly by the Hungarian method (Kuhn 1955; Munkres
/// 1957) in the O(n²m) shortest-augmenting-path form with row and column potentials u, v (reduced costs
/// C[i, j] − u[i] − v[j] ≥ 0 stay non-negative; each row is added by a Dijkstra-like search for the cheapest
/// augmenting path). Rows are the smaller side (the matrix is transposed when n > m).
/// </summary>
public static class HungarianAssignment
{
    /// <summary>For each row, its assigned column, or -1 when there are more rows than columns and the row is left out.</summary>
    public static int[] Minimize(double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var (rows, columns) = (cost.GetLength(0), cost.GetLength(1));
        if (rows <= columns)
            return Solve(cost, rows, columns, transposed: false);
        var byColumn = Solve(cost, columns, rows, transposed: true);
        var result = Enumerable.Repeat(-1, rows).ToArray();
        for (var j = 0; j < columns; j++)
            result[byColumn[j]] = j;
        return result;
    }

    /// <summary>The shortest-augmenting-path solver for n ≤ m (1-based internally; index 0 is the virtual start).</summary>
    private static int[] Solve(double[,] cost, int n, int m, bool transposed)
    {
        double C(int i, int j) => transposed ? cost[j - 1, i - 1] : cost[i - 1, j - 1];
        var u = new double[n + 1];
        var v = new double[m + 1];
        var rowOf = new int[m + 1];
        var way = new int[m + 1];
        for (var i = 1; i <= n; i++)
        {
            rowOf[0] = i;
            var j0 = 0;
            var minimum = new double[m + 1];
            Array.Fill(minimum, double.PositiveInfinity);
            var used = new bool[m + 1];
            do
            {
                used[j0] = true;
                var (i0, delta, j1) = (rowOf[j0], double.PositiveInfinity, 0);
                for (var j = 1; j <= m; j++)
                {
                    if (used[j])
                        continue;
                    var reduced = C(i0, j) - u[i0] - v[j];
                    if (reduced < minimum[j])
                        (minimum[j], way[j]) = (reduced, j0);
                    if (minimum[j] < delta)
                        (delta, j1) = (minimum[j], j);
                }
                for (var j = 0; j <= m; j++)
                {
                    if (used[j])
                        (u[rowOf[j]], v[j]) = (u[rowOf[j]] + delta, v[j] - delta);
                    else
                        minimum[j] -= delta;
                }
                j0 = j1;
            }
            while (rowOf[j0] != 0);
            do
            {
                var j1 = way[j0];
                rowOf[j0] = rowOf[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }
        var assignment = new int[n];
        for (var j = 1; j <= m; j++)
        {
            if (rowOf[j] != 0)
                assignment[rowOf[j] - 1] = j - 1;
        }
        return assignment;
    }
}
