using Labelforge.Engine.Objects;

namespace Labelforge.Engine.Tests.Objects;

public sealed class HungarianAssignmentTests
{
    [Fact]
    public void Textbook_four_by_four_example_costs_140()
    {
        // The classic worked example: optimum rows 0..3 to columns 2, 1, 0, 3 = 69 + 37 + 11 + 23 = 140.
        double[,] cost = { { 82, 83, 69, 92 }, { 77, 37, 49, 92 }, { 11, 69, 5, 86 }, { 8, 9, 98, 23 } };
        var assignment = HungarianAssignment.Minimize(cost);
        Assert.Equal([2, 1, 0, 3], assignment);
    }

    [Fact]
    public void Rectangular_matrices_leave_the_extra_rows_out()
    {
        // The best two of three rows: row 1 → 1 (0) and row 2 → 0 (2.5) = 2.5; the next best is 3 (rows 0 → 1, 1 → 0).
        double[,] tall = { { 4, 1 }, { 2, 0 }, { 2.5, 5 } };
        Assert.Equal([-1, 1, 0], HungarianAssignment.Minimize(tall));
        // Rows 0 → 1 (2) and 1 → 0 (1) = 3, against 3.5 for 0 → 2, 1 → 1.
        double[,] wide = { { 4, 2, 3.5 }, { 1, 0, 5 } };
        Assert.Equal([1, 0], HungarianAssignment.Minimize(wide));
    }

    [Fact]
    public void Matches_brute_force_on_seeded_random_matrices()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var (n, m) = (random.Next(1, 6), random.Next(1, 6));
            var cost = new double[n, m];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < m; j++)
                    cost[i, j] = Math.Round(random.NextDouble() * 10, 1);
            }
            var assignment = HungarianAssignment.Minimize(cost);
            Assert.Equal(Math.Min(n, m), assignment.Count(j => j >= 0));
            Assert.Equal(assignment.Count(j => j >= 0), assignment.Where(j => j >= 0).Distinct().Count());
            Assert.Equal(BruteForce(cost), Total(cost, assignment), 9);
        }
    }

    private static double Total(double[,] cost, int[] assignment) => assignment.Select((j, i) => j >= 0 ? cost[i, j] : 0).Sum();

    private static double BruteForce(double[,] cost)
    {
        var (n, m) = (cost.GetLength(0), cost.GetLength(1));
        var best = double.PositiveInfinity;
        void Search(int i, bool[] used, int left, double sum)
        {
            if (left == 0 || i == n)
            {
                if (left == 0)
                    best = Math.Min(best, sum);
                return;
            }
            if (n - i > left)
                Search(i + 1, used, left, sum); // row i unassigned (only when rows outnumber columns)
            for (var j = 0; j < m; j++)
            {
                if (used[j])
                    continue;
                used[j] = true;
                Search(i + 1, used, left - 1, sum + cost[i, j]);
                used[j] = false;
            }
        }
        Search(0, new bool[m], Math.Min(n, m), 0);
        return best;
    }
}
