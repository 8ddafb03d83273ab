using Labelforge.Engine.Objects;

namespace Labelforge.Engine.Tests.Objects;

public sealed class BoxAgreementTests
{
    [Fact]
    public void Optimal_matching_keeps_both_pairs_where_greedy_by_iou_would_lose_one()
    {
        // IoU(a0, b0) = 95/105 ≈ 0.90 is the best pair; a0–b1 and a1–b0 are 85/115 ≈ 0.74 each; a1–b1 = 65/135 ≈ 0.48 < 0.5.
        // Greedy by IoU takes a0–b0 and then has no eligible pair left; the optimum keeps two pairs.
        Box[] a = [new(0, 0, 10, 10), new(2, 0, 12, 10)];
        Box[] b = [new(0.5, 0, 10.5, 10), new(-1.5, 0, 8.5, 10)];
        var iou = BoxIoU.Matrix(a, b);
        Assert.True(iou[0, 0] > iou[0, 1] && iou[0, 0] > iou[1, 0]);
        Assert.True(iou[1, 1] < 0.5);
        var matches = BoxMatching.Match(a, [0, 0], b, [0, 0]);
        Assert.Equal([(0, 1), (1, 0)], matches.Select(m => (m.IndexA, m.IndexB)));
    }

    [Fact]
    public void Boxes_of_different_labels_never_match()
    {
        Box[] same = [new(0, 0, 10, 10)];
        Assert.Empty(BoxMatching.Match(same, [1], same, [2]));
    }

    [Fact]
    public void Worked_example_precision_recall_f1_and_mean_iou()
    {
        // A: two cats and a dog; B: one cat box shifted by 1 px (IoU 90/110), the second cat exact, a dog far away, an extra cat.
        Box[] a = [new(0, 0, 10, 10), new(20, 20, 30, 30), new(50, 50, 60, 60)];
        int[] la = [0, 0, 1];
        Box[] b = [new(1, 0, 11, 10), new(20, 20, 30, 30), new(80, 80, 90, 90), new(100, 100, 110, 110)];
        int[] lb = [0, 0, 1, 0];
        var result = BoxAgreement.Compare(a, la, b, lb);
        Assert.Equal(2, result.TruePositives);
        Assert.Equal(2.0 / 4, result.Precision, 12);
        Assert.Equal(2.0 / 3, result.Recall, 12);
        Assert.Equal(4.0 / 7, result.F1, 12);
        Assert.Equal(((90.0 / 110) + 1) / 2, result.MeanIoU, 12);
        var swapped = BoxAgreement.Compare(b, lb, a, la);
        Assert.Equal((result.F1, result.Precision, result.Recall), (swapped.F1, swapped.Recall, swapped.Precision));
    }

    [Fact]
    public void Empty_sets_agree_and_pooling_adds_counts()
    {
        var empty = BoxAgreement.Compare([], [], [], []);
        Assert.Equal((1.0, 1.0, 1.0), (empty.Precision, empty.Recall, empty.F1));
        Assert.True(double.IsNaN(empty.MeanIoU));
        var one = BoxAgreement.Compare([new Box(0, 0, 1, 1)], [0], [], []);
        Assert.Equal((1.0, 0.0, 0.0), (one.Precision, one.Recall, one.F1));
        var pooled = BoxAgreementResult.Pool([empty, one, BoxAgreement.Compare([new Box(0, 0, 1, 1)], [0], [new Box(0, 0, 1, 1)], [0])]);
        Assert.Equal((2, 1, 1, 1.0), (pooled.CountA, pooled.CountB, pooled.TruePositives, pooled.MeanIoU));
        Assert.Equal(2.0 / 3, pooled.F1, 12);
    }

    [Fact]
    public void Coco_tiny_ground_truth_against_itself_agrees_fully_and_against_shifted_boxes_by_iou()
    {
        var images = CocoTinyBoxes.Load();
        Assert.Equal(16, images.Count);
        var self = BoxAgreementResult.Pool(images.Select(i => BoxAgreement.Compare(i.Boxes, i.Labels, i.Boxes, i.Labels)));
        Assert.Equal((197, 1.0, 1.0), (self.TruePositives, self.F1, self.MeanIoU));
        // Shifting every box right by 10% of its width keeps IoU = 0.9w·h / 1.1w·h = 9/11 ≥ 0.5: all still match.
        var shifted = BoxAgreementResult.Pool(images.Select(i =>
            BoxAgreement.Compare(i.Boxes, i.Labels, [.. i.Boxes.Select(b => b with { Left = b.Left + (0.1 * b.Width), Right = b.Right + (0.1 * b.Width) })], i.Labels)));
        Assert.Equal(197, shifted.TruePositives);
        Assert.Equal(9.0 / 11, shifted.MeanIoU, 9);
    }
}
