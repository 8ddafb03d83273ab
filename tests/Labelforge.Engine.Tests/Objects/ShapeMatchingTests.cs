using Labelforge.Engine.Objects;

namespace Labelforge.Engine.Tests.Objects;

/// <summary>Polygons in box agreement and consensus: compared by their own area, fused to their medoid outline.</summary>
public class ShapeMatchingTests
{
    // The square 0..10 split along its diagonal into two triangles: the same bounding box, no shared area.
    private static readonly double[] Lower = [0, 0, 10, 10, 0, 10];
    private static readonly double[] Upper = [0, 0, 10, 0, 10, 10];

    [Fact]
    public void A_polygon_is_compared_by_its_outline_not_its_bounding_box()
    {
        var square = Shape.FromBox(new Box(0, 0, 10, 10));
        Assert.Equal(1, ShapeIoU.Of(square, Shape.FromPolygon([0, 0, 10, 0, 10, 10, 0, 10])), 12);
        Assert.Equal(0.5, ShapeIoU.Of(square, Shape.FromPolygon(Lower)), 12);
        Assert.Equal(0, ShapeIoU.Of(Shape.FromPolygon(Lower), Shape.FromPolygon(Upper)), 12);
        Assert.Equal(1, BoxIoU.Of(Shape.FromPolygon(Lower).Bounds, Shape.FromPolygon(Upper).Bounds), 12);
        Assert.Equal(0, ShapeIoU.Of(square, Shape.FromPolygon([20, 20, 30, 20, 25, 30])));
        Assert.Equal(ShapeIoU.Of(square, Shape.FromBox(new Box(5, 0, 15, 10))), BoxIoU.Of(new Box(0, 0, 10, 10), new Box(5, 0, 15, 10)));
    }

    [Fact]
    public void Matching_shapes_pairs_the_triangles_that_really_overlap()
    {
        Shape[] a = [Shape.FromPolygon(Lower), Shape.FromBox(new Box(20, 20, 30, 30))];
        Shape[] b = [Shape.FromPolygon(Upper), Shape.FromPolygon([0, 0, 10, 10, 0, 10.5]), Shape.FromBox(new Box(20, 20, 30, 30))];
        var matches = BoxMatching.MatchShapes(a, [0, 0], b, [0, 0, 0]);
        Assert.Equal([(0, 1), (1, 2)], matches.Select(m => (m.IndexA, m.IndexB)));
        Assert.True(matches[0].IoU is > 0.9 and < 1);
        var agreement = BoxAgreement.CompareShapes(a, [0, 0], b, [0, 0, 0]);
        Assert.Equal((2, 3, 2), (agreement.CountA, agreement.CountB, agreement.TruePositives));
    }

    [Fact]
    public void Polygon_fusion_keeps_the_medoid_outline_and_scores_like_box_fusion()
    {
        // Three outlines of one square, shifted by 0, 1 and 2: the middle one agrees best with the others. A lone triangle of one annotator scores 1/3.
        double[] Square(double dx) => [dx, 0, 10 + dx, 0, 10 + dx, 10, dx, 10];
        ScoredPolygon[][] annotators =
        [
            [new(Square(0), 0, 1)],
            [new(Square(1), 0, 1), new(Lower, 1, 1)],
            [new(Square(2), 0, 1)],
        ];
        var fused = PolygonFusion.Fuse(annotators);
        Assert.Equal(2, fused.Length);
        Assert.Equal(Square(1), fused[0].Vertices);
        Assert.Equal((0, 1.0, 3), (fused[0].Label, fused[0].Score, fused[0].Members));
        Assert.Equal((1, 1.0 / 3, 1), (fused[1].Label, fused[1].Score, fused[1].Members));
        // Another label never joins: the same outline labeled 1 by a fourth annotator makes its own cluster.
        Assert.Equal(3, PolygonFusion.Fuse([.. annotators, [new ScoredPolygon(Square(0), 1, 1)]]).Length);
    }
}
