using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Engine.Tests.WeakSupervision;

public class LabelingFunctionAnalysisTests
{
    // Rows: two LFs agree; they disagree; only LF0; nobody; LF1 and LF2 agree.
    private static readonly LabelMatrix Matrix = LabelMatrix.FromRows(
    [
        [0, 0, -1],
        [0, 1, -1],
        [1, -1, -1],
        [-1, -1, -1],
        [-1, 1, 1],
    ]);

    [Fact]
    public void Coverage_overlaps_and_conflicts_follow_snorkel_definitions()
    {
        var summary = LabelingFunctionAnalysis.Analyze(Matrix);
        var lf0 = summary.Functions[0];
        Assert.Equal([0, 1], lf0.Polarity);
        Assert.Equal(3 / 5.0, lf0.Coverage, 12);
        Assert.Equal(2 / 5.0, lf0.Overlaps, 12);
        Assert.Equal(1 / 5.0, lf0.Conflicts, 12);
        Assert.Equal(1 / 5.0, summary.Functions[2].Overlaps, 12);
        Assert.Equal(0.0, summary.Functions[2].Conflicts);
        Assert.Equal(4 / 5.0, summary.Coverage, 12);
        Assert.Equal(3 / 5.0, summary.Overlap, 12);
        Assert.Equal(1 / 5.0, summary.Conflict, 12);
    }

    [Fact]
    public void Coverage_alone_equals_the_analysis_coverage()
    {
        Assert.Equal([3 / 5.0, 3 / 5.0, 1 / 5.0], LabelingFunctionAnalysis.Coverage(Matrix));
        Assert.Equal(
            LabelingFunctionAnalysis.Analyze(Matrix).Functions.Select(f => f.Coverage),
            LabelingFunctionAnalysis.Coverage(Matrix));
        Assert.Equal([0.0, 0.0], LabelingFunctionAnalysis.Coverage(new LabelMatrix(0, 2)));
    }

    [Fact]
    public void Accuracy_skips_unknown_gold_and_samples_name_rows()
    {
        var summary = LabelingFunctionAnalysis.Analyze(Matrix, [0, 1, LabelIndex.Abstain, 0, 1], samples: 2);
        var lf0 = summary.Functions[0];
        Assert.Equal(1, lf0.Correct);
        Assert.Equal(1, lf0.Incorrect);
        Assert.Equal(0.5, lf0.EmpiricalAccuracy);
        Assert.Equal([0, 1], lf0.FiringSamples);
        Assert.Equal([1], lf0.ConflictSamples);
        Assert.Null(LabelingFunctionAnalysis.Analyze(Matrix).Functions[0].EmpiricalAccuracy);
    }
}
