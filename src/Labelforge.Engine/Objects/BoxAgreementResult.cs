namespace Labelforge.Engine.Objects;

/// <summary>
/// Agreement of box set B with box set A (A the reference, e.g. the first annotator or gold): TP matched pairs,
/// precision = TP / |B|, recall = TP / |A|, F1 = 2·TP / (|A| + |B|) (1 when both sets are empty: they agree that
/// nothing is there; precision is 1 when B is empty and recall 1 when A is), mean IoU = Σ IoU / TP over the matched
/// pairs (NaN with no match).
/// </summary>
public sealed record BoxAgreementResult(int CountA, int CountB, int TruePositives, double SumIoU)
{
    public double Precision => CountB == 0 ? 1 : (double)TruePositives / CountB;

    public double Recall => CountA == 0 ? 1 : (double)TruePositives / CountA;

    public double F1 => CountA + CountB == 0 ? 1 : 2.0 * TruePositives / (CountA + CountB);

    public double MeanIoU => TruePositives == 0 ? double.NaN : SumIoU / TruePositives;

    /// <summary>Pooled (micro-averaged) over images: counts and IoU sums add up.</summary>
    public static BoxAgreementResult Pool(IEnumerable<BoxAgreementResult> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var (a, b, tp, sum) = (0, 0, 0, 0.0);
        foreach (var image in images)
            (a, b, tp, sum) = (a + image.CountA, b + image.CountB, tp + image.TruePositives, sum + image.SumIoU);
        return new BoxAgreementResult(a, b, tp, sum);
    }
}
