using Labelforge.Engine.Objects;

namespace Labelforge.Engine.Tests.Objects;

public sealed class BoxIoUTests
{
    [Fact]
    public void Two_unit_overlapping_squares_have_iou_one_seventh()
    {
        // A = [0,2]², B = [1,3]²: intersection 1, union 4 + 4 − 1 = 7.
        Assert.Equal(1.0 / 7, BoxIoU.Of(new Box(0, 0, 2, 2), new Box(1, 1, 3, 3)), 12);
    }

    [Fact]
    public void Coco_xywh_boxes_worked_example()
    {
        // [10, 10, 20, 20] and [20, 20, 20, 20] (x, y, w, h): intersection 10 × 10 = 100, union 400 + 400 − 100 = 700.
        Assert.Equal(100.0 / 700, BoxIoU.Of(Box.FromXywh(10, 10, 20, 20), Box.FromXywh(20, 20, 20, 20)), 12);
    }

    [Fact]
    public void Identical_contained_touching_and_disjoint_boxes()
    {
        var a = new Box(0, 0, 4, 4);
        Assert.Equal(1, BoxIoU.Of(a, a));
        Assert.Equal(0.25, BoxIoU.Of(a, new Box(1, 1, 3, 3)), 12); // inner area 4 of 16
        Assert.Equal(0, BoxIoU.Of(a, new Box(4, 0, 8, 4)));
        Assert.Equal(0, BoxIoU.Of(a, new Box(10, 10, 12, 12)));
        Assert.Equal(0, BoxIoU.Of(new Box(1, 1, 1, 1), new Box(1, 1, 1, 1)));
    }

    [Fact]
    public void Matrix_holds_every_pair()
    {
        Box[] a = [new(0, 0, 2, 2), new(5, 5, 6, 6)];
        Box[] b = [new(1, 1, 3, 3)];
        var m = BoxIoU.Matrix(a, b);
        Assert.Equal((2, 1), (m.GetLength(0), m.GetLength(1)));
        Assert.Equal(1.0 / 7, m[0, 0], 12);
        Assert.Equal(0, m[1, 0]);
    }
}
