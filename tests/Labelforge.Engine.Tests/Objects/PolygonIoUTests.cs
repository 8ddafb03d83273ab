using System.Text.Json;
using Labelforge.Engine.Objects;

namespace Labelforge.Engine.Tests.Objects;

public sealed class PolygonIoUTests
{
    [Fact]
    public void Squares_as_polygons_agree_with_box_iou_in_either_orientation()
    {
        double[] a = [0, 0, 2, 0, 2, 2, 0, 2];
        double[] b = [1, 1, 3, 1, 3, 3, 1, 3];
        double[] bReversed = [1, 3, 3, 3, 3, 1, 1, 1];
        Assert.Equal(1.0 / 7, PolygonIoU.Of(a, b), 12);
        Assert.Equal(1.0 / 7, PolygonIoU.Of(a, bReversed), 12);
        Assert.Equal(1, PolygonIoU.Of(a, a), 12);
        Assert.Equal(0, PolygonIoU.Of(a, [5, 5, 6, 5, 6, 6]));
    }

    [Fact]
    public void A_non_convex_l_shape_and_a_square_worked_example()
    {
        // L = [0,4]×[0,2] ∪ [0,2]×[2,4], area 12; square [1,3]×[1,3], area 4.
        // Intersection: [1,3]×[1,2] (2) + [1,2]×[2,3] (1) = 3; union 12 + 4 − 3 = 13.
        double[] l = [0, 0, 4, 0, 4, 2, 2, 2, 2, 4, 0, 4];
        double[] square = [1, 1, 3, 1, 3, 3, 1, 3];
        Assert.Equal(12, Math.Abs(PolygonIoU.SignedArea(l)), 12);
        Assert.Equal(3.0 / 13, PolygonIoU.Of(l, square), 12);
        Assert.Equal(3.0 / 13, PolygonIoU.Of(square, l), 12);
    }

    [Fact]
    public void Each_coco_tiny_polygon_against_its_own_bounding_box_is_its_area_over_the_box_area()
    {
        var path = Path.Combine(TestPaths.Datasets, "coco-tiny", "small_coco", "instances_train2017_small.json");
        using var coco = JsonDocument.Parse(File.ReadAllBytes(path));
        var checkedPolygons = 0;
        foreach (var annotation in coco.RootElement.GetProperty("annotations").EnumerateArray())
        {
            if (annotation.GetProperty("segmentation").ValueKind != JsonValueKind.Array)
                continue; // RLE masks (crowd regions)
            var polygon = annotation.GetProperty("segmentation")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
            if (polygon.Length < 6)
                continue;
            var (xs, ys) = (polygon.Where((_, i) => i % 2 == 0).ToArray(), polygon.Where((_, i) => i % 2 == 1).ToArray());
            double[] box = [xs.Min(), ys.Min(), xs.Max(), ys.Min(), xs.Max(), ys.Max(), xs.Min(), ys.Max()];
            var expected = Math.Abs(PolygonIoU.SignedArea(polygon)) / Math.Abs(PolygonIoU.SignedArea(box));
            Assert.Equal(expected, PolygonIoU.Of(polygon, box), 9);
            Assert.Equal(1, PolygonIoU.Of(polygon, polygon), 9);
            checkedPolygons++;
        }
        Assert.True(checkedPolygons > 150, $"{checkedPolygons} polygons");
    }
}
