using Labelforge.Engine.Objects;

namespace Labelforge.Engine.Tests.Objects;

public sealed class WeightedBoxFusionTests
{
    [Fact]
    public void Two_overlapping_boxes_fuse_to_their_confidence_weighted_mean()
    {
        // c = 0.9 and 0.6: x = (0.9·0 + 0.6·1) / 1.5 = 0.4, right = (0.9·10 + 0.6·11) / 1.5 = 10.4;
        // C = (0.9 + 0.6) / 2 · min(2, 2) / 2 = 0.75.
        ScoredBox[] first = [new(new Box(0, 0, 10, 10), 3, 0.9)];
        ScoredBox[] second = [new(new Box(1, 1, 11, 11), 3, 0.6)];
        var fused = Assert.Single(WeightedBoxFusion.Fuse([first, second]));
        Assert.Equal(3, fused.Label);
        Assert.Equal(2, fused.Members);
        Assert.Equal(0.4, fused.Box.Left, 12);
        Assert.Equal(0.4, fused.Box.Top, 12);
        Assert.Equal(10.4, fused.Box.Right, 12);
        Assert.Equal(10.4, fused.Box.Bottom, 12);
        Assert.Equal(0.75, fused.Score, 12);
    }

    [Fact]
    public void A_box_only_one_of_three_annotators_drew_is_kept_with_a_third_of_its_confidence()
    {
        ScoredBox[] a = [new(new Box(0, 0, 10, 10), 0, 1), new(new Box(50, 50, 60, 60), 0, 1)];
        ScoredBox[] b = [new(new Box(0, 0, 10, 10), 0, 1)];
        ScoredBox[] c = [new(new Box(0, 0, 10, 10), 0, 1), new(new Box(0, 0, 10, 10), 1, 1)];
        var fused = WeightedBoxFusion.Fuse([a, b, c]);
        Assert.Equal([(new Box(0, 0, 10, 10), 0, 3), (new Box(50, 50, 60, 60), 0, 1), (new Box(0, 0, 10, 10), 1, 1)], fused.Select(f => (f.Box, f.Label, f.Members)));
        // C = mean confidence · min(T, N) / N with N = 3 annotators.
        Assert.Equal([1.0, 1.0 / 3, 1.0 / 3], fused.Select(f => f.Score), (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void Annotator_weights_pull_the_fused_box_and_low_overlap_stays_apart()
    {
        ScoredBox[] trusted = [new(new Box(0, 0, 10, 10), 0, 1)];
        ScoredBox[] other = [new(new Box(2, 0, 12, 10), 0, 1)];
        // IoU = 80 / 120 = 0.67 > 0.55: one cluster; weights 3 and 1 give left = (3·0 + 1·2) / 4 = 0.5.
        var fused = Assert.Single(WeightedBoxFusion.Fuse([trusted, other], [3, 1]));
        Assert.Equal(0.5, fused.Box.Left, 12);
        Assert.Equal(10.5, fused.Box.Right, 12);
        // IoU = 50 / 150 = 0.33: two clusters.
        Assert.Equal(2, WeightedBoxFusion.Fuse([trusted, [new(new Box(5, 0, 15, 10), 0, 1)]]).Length);
    }
}
