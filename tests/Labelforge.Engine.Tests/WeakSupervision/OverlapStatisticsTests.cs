using Labelforge.Engine.Synthetic;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Engine.Tests.WeakSupervision;

/// <summary>O is counted from bitsets or, for wide sparse matrices, from each row's vote pairs: both equal the definition.</summary>
public class OverlapStatisticsTests
{
    [Theory]
    [InlineData(3000, 8, 2, 0.3, 0.7)]      // dense: bitset pairs
    [InlineData(1500, 60, 7, 0.005, 0.04)]  // wide and sparse: vote pairs
    public void Overlap_equals_the_fraction_of_items_where_both_votes_occur(int n, int m, int k, double minCoverage, double maxCoverage)
    {
        var random = new Random(n);
        var coverage = Enumerable.Range(0, m).Select(_ => minCoverage + ((maxCoverage - minCoverage) * random.NextDouble())).ToArray();
        var accuracy = Enumerable.Range(0, m).Select(_ => 0.6).ToArray();
        var (matrix, _) = SyntheticLabelMatrix.Generate(n, coverage, accuracy, [.. Enumerable.Repeat(1.0 / k, k)], seed: m);
        var stats = OverlapStatistics.Compute(matrix, k);
        var d = m * k;
        var expected = new double[d * d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                if (matrix[i, j] == LabelIndex.Abstain)
                    continue;
                for (var j2 = 0; j2 < m; j2++)
                {
                    if (matrix[i, j2] != LabelIndex.Abstain)
                        expected[(((j * k) + matrix[i, j]) * d) + (j2 * k) + matrix[i, j2]] += 1.0 / n;
                }
            }
        }
        for (var a = 0; a < d * d; a++)
            Assert.Equal(expected[a], stats.Overlap[a], 1e-12);
    }
}
