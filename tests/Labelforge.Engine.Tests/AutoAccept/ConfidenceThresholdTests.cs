using Labelforge.Engine.AutoAccept;

namespace Labelforge.Engine.Tests.AutoAccept;

public class ConfidenceThresholdTests
{
    /// <summary>Calibrated synthetic model: confidence uniform in [0.5, 1), correct with probability equal to it.</summary>
    private static (double[] Confidence, bool[] Correct, double[] Unlabeled) Calibrated(int verified, int unlabeled, int seed)
    {
        var random = new Random(seed);
        var confidence = Enumerable.Range(0, verified).Select(_ => 0.5 + (random.NextDouble() / 2)).ToArray();
        var correct = confidence.Select(c => random.NextDouble() < c).ToArray();
        var pool = Enumerable.Range(0, unlabeled).Select(_ => 0.5 + (random.NextDouble() / 2)).ToArray();
        return (confidence, correct, pool);
    }

    [Fact]
    public void Too_few_verified_items_give_no_threshold_even_when_all_are_right()
    {
        var confidence = Enumerable.Range(0, 100).Select(i => 0.99 + (i / 100_000.0)).ToArray();
        var result = ConfidenceThreshold.Select(confidence, [.. confidence.Select(_ => true)], [0.999, 0.5]);
        Assert.Null(result.Threshold);
        Assert.Equal(149, result.MinimumVerified); // 0.05^(1/149) >= 0.98 > 0.05^(1/148)
        Assert.Equal(0, result.Covered);
        Assert.Equal(0, result.Coverage);
    }

    [Fact]
    public void Enough_correct_items_give_the_lowest_passing_threshold()
    {
        // 300 right answers at confidence 0.90..0.99, then 20 wrong ones at 0.60..0.69.
        var confidence = Enumerable.Range(0, 300).Select(i => 0.90 + (i / 3000.0)).Concat(Enumerable.Range(0, 20).Select(i => 0.60 + (i / 200.0))).ToArray();
        var correct = Enumerable.Range(0, 320).Select(i => i < 300).ToArray();
        var result = ConfidenceThreshold.Select(confidence, correct, [0.95, 0.91, 0.89, 0.7, 0.2]);
        // 300 of 301 right at >= 0.695 still bounds above 0.98; taking in a second wrong answer (0.69) does not.
        Assert.Equal(0.695, result.Threshold!.Value, 9);
        Assert.Equal(301, result.Verified);
        Assert.Equal(300, result.Correct);
        Assert.True(result.LowerBound >= 0.98);
        Assert.True(BinomialBounds.Lower(300, 302, 0.05) < 0.98);
        Assert.Equal(4, result.Covered);
        Assert.Equal(0.8, result.Coverage, 9);
    }

    [Fact]
    public void A_calibrated_model_reaches_the_target_only_near_the_top()
    {
        var (confidence, correct, pool) = Calibrated(5000, 2000, seed: 7);
        var result = ConfidenceThreshold.Select(confidence, correct, pool, new AutoAcceptOptions { TargetPrecision = 0.95 });
        Assert.NotNull(result.Threshold);
        // With precision ≈ mean confidence above t = (1 + t)/2 ≥ 0.95 needs t ≥ 0.9; the bound pushes it a bit higher.
        Assert.InRange(result.Threshold!.Value, 0.9, 0.99);
        Assert.True(result.Precision >= result.LowerBound && result.LowerBound >= 0.95);
        Assert.InRange(result.Coverage, 0.01, 0.2);
    }

    [Fact]
    public void Raising_the_target_or_the_confidence_never_lowers_the_threshold()
    {
        var (confidence, correct, pool) = Calibrated(4000, 1000, seed: 11);
        var previous = (Threshold: 0.0, Coverage: 1.0);
        foreach (var target in new[] { 0.80, 0.85, 0.90, 0.93, 0.96 })
        {
            var r = ConfidenceThreshold.Select(confidence, correct, pool, new AutoAcceptOptions { TargetPrecision = target });
            Assert.NotNull(r.Threshold);
            Assert.True(r.Threshold >= previous.Threshold, $"target {target}: {r.Threshold} < {previous.Threshold}");
            Assert.True(r.Coverage <= previous.Coverage);
            previous = (r.Threshold!.Value, r.Coverage);
        }
        var loose = ConfidenceThreshold.Select(confidence, correct, pool, new AutoAcceptOptions { TargetPrecision = 0.9, Alpha = 0.2 });
        var strict = ConfidenceThreshold.Select(confidence, correct, pool, new AutoAcceptOptions { TargetPrecision = 0.9, Alpha = 0.01 });
        Assert.True(strict.Threshold >= loose.Threshold);
    }

    [Fact]
    public void Wilson_is_no_stricter_than_clopper_pearson_here()
    {
        var (confidence, correct, pool) = Calibrated(3000, 500, seed: 3);
        var exact = ConfidenceThreshold.Select(confidence, correct, pool, new AutoAcceptOptions { TargetPrecision = 0.93 });
        var wilson = ConfidenceThreshold.Select(confidence, correct, pool, new AutoAcceptOptions { TargetPrecision = 0.93, Bound = PrecisionBound.Wilson });
        Assert.True(wilson.Threshold <= exact.Threshold);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ConfidenceThreshold.Select([0.9, 0.8], [true], []));
    }
}
