using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Engine.Tests.WeakSupervision;

public class LabelMatrixTests
{
    [Fact]
    public void FromRows_keeps_cells_row_major()
    {
        var matrix = LabelMatrix.FromRows([[0, -1], [1, 1]]);
        Assert.Equal(2, matrix.Rows);
        Assert.Equal(LabelIndex.Abstain, matrix[0, 1]);
        Assert.Equal(1, matrix[1, 0]);
        Assert.Equal(2, matrix.InferCardinality());
    }

    [Fact]
    public void Validate_rejects_a_label_outside_the_cardinality()
    {
        var matrix = LabelMatrix.FromRows([[0, 3]]);
        var error = Assert.Throws<ArgumentException>(() => matrix.Validate(2));
        Assert.Contains("column 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlap_statistics_count_co_votes_per_label_pair()
    {
        var matrix = LabelMatrix.FromRows([[0, 0], [0, 1], [-1, 1], [1, -1]]);
        var stats = OverlapStatistics.Compute(matrix, 2);
        Assert.Equal(4, stats.Dimension);
        Assert.Equal(0.5, stats[0, 0]);
        Assert.Equal(0.25, stats[0, 2]);
        Assert.Equal(0.25, stats[0, 3]);
        Assert.Equal(0.0, stats[1, 2]);
        Assert.Equal(0.5, stats[3, 3]);
    }

    [Fact]
    public void Overlap_statistics_handle_more_than_one_machine_word_of_rows()
    {
        var (matrix, _) = Labelforge.Engine.Synthetic.SyntheticLabelMatrix.Generate(1000, [0.5, 0.5], [0.8, 0.8], [0.5, 0.5], seed: 3);
        var stats = OverlapStatistics.Compute(matrix, 2);
        var both00 = Enumerable.Range(0, matrix.Rows).Count(i => matrix[i, 0] == 0 && matrix[i, 1] == 0);
        Assert.Equal(both00 / 1000.0, stats[0, 2], 12);
    }
}
