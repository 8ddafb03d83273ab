using Labelforge.Engine;
using Labelforge.Engine.LabelErrors;

namespace Labelforge.Engine.Tests.LabelErrors;

public class LabelErrorDetectorTests
{
    // Two classes, items 2 and 5 mislabeled: thresholds are 0.633 for both, C = [[2,1],[1,2]].
    private static readonly int[] Labels = [0, 0, 0, 1, 1, 1];
    private static readonly ProbabilityMatrix Worked = new([0.9f, 0.1f, 0.8f, 0.2f, 0.2f, 0.8f, 0.1f, 0.9f, 0.3f, 0.7f, 0.7f, 0.3f], 2);

    [Fact]
    public void Worked_example_gives_the_hand_computed_confident_joint()
    {
        var joint = ConfidentJoint.Compute(Labels, Worked);

        Assert.Equal(1.9 / 3, joint.Thresholds[0], 6);
        Assert.Equal(1.9 / 3, joint.Thresholds[1], 6);
        Assert.Equal(new[,] { { 2, 1 }, { 1, 2 } }, joint.Counts);
        Assert.Equal(new[,] { { 2, 1 }, { 1, 2 } }, joint.Calibrated);
        Assert.Equal(new[] { false, false, true, false, false, true }, joint.IsOffDiagonal);
    }

    [Theory]
    [InlineData(LabelErrorFilter.PruneByNoiseRate)]
    [InlineData(LabelErrorFilter.PruneByClass)]
    [InlineData(LabelErrorFilter.Both)]
    [InlineData(LabelErrorFilter.ConfidentLearning)]
    [InlineData(LabelErrorFilter.PredictedNeqGiven)]
    public void Worked_example_flags_the_two_flips_lowest_self_confidence_first(LabelErrorFilter filter)
    {
        var result = LabelErrorDetector.Find(Labels, Worked, new LabelErrorOptions { Filter = filter });

        Assert.Equal([2, 5], result.Indices);
    }

    [Fact]
    public void Normalized_margin_ranks_by_margin_to_the_best_other_class()
    {
        var result = LabelErrorDetector.Find(Labels, Worked, new LabelErrorOptions { RankBy = LabelQualityMethod.NormalizedMargin });

        // Item 2: (0.2 - 0.8 + 1) / 2 = 0.2; item 5: (0.3 - 0.7 + 1) / 2 = 0.3.
        Assert.Equal([2, 5], result.Indices);
        Assert.Equal(0.2, LabelQuality.Score(0, Worked.Row(2), LabelQualityMethod.NormalizedMargin), 6);
    }

    [Fact]
    public void Synthetic_flips_are_found_with_high_precision_and_recall()
    {
        var (given, flipped, probabilities) = SyntheticNoise.Make(4000, 5, 0.1, seed: 7);

        var flagged = LabelErrorDetector.Find(given, probabilities).Indices;

        var hits = flagged.Count(i => flipped[i]);
        Assert.True(hits >= 0.8 * flagged.Length, $"precision {hits}/{flagged.Length}");
        Assert.True(hits >= 0.8 * flipped.Count(f => f), $"recall {hits}/{flipped.Count(f => f)}");
    }

    [Fact]
    public void Filters_nest_as_documented()
    {
        var (given, _, probabilities) = SyntheticNoise.Make(3000, 4, 0.15, seed: 3);
        HashSet<int> Run(LabelErrorFilter f) => [.. LabelErrorDetector.Find(given, probabilities, new LabelErrorOptions { Filter = f }).Indices];

        var noiseRate = Run(LabelErrorFilter.PruneByNoiseRate);
        var byClass = Run(LabelErrorFilter.PruneByClass);
        var neq = Run(LabelErrorFilter.PredictedNeqGiven);

        Assert.Equal(noiseRate.Intersect(byClass).Order(), Run(LabelErrorFilter.Both).Order());
        Assert.Subset(neq, noiseRate);
        Assert.Subset(neq, Run(LabelErrorFilter.ConfidentLearning));
    }

    [Fact]
    public void Pruning_matches_a_full_sort_reference()
    {
        var (given, _, probabilities) = SyntheticNoise.Make(5000, 6, 0.2, seed: 11);

        var result = LabelErrorDetector.Find(given, probabilities);

        var expected = ReferenceNoiseRate(given, probabilities, result.PruneCounts!);
        Assert.Equal(expected.Order(), result.Indices.Order());
    }

    [Fact]
    public void Max_issues_keeps_the_top_of_the_ranking()
    {
        var (given, _, probabilities) = SyntheticNoise.Make(2000, 3, 0.1, seed: 5);
        var all = LabelErrorDetector.Find(given, probabilities).Indices;

        var capped = LabelErrorDetector.Find(given, probabilities, new LabelErrorOptions { MaxIssues = 10 }).Indices;

        Assert.Equal(all[..10], capped);
    }

    [Fact]
    public void Label_outside_the_classes_is_rejected() =>
        Assert.Throws<ArgumentException>(() => LabelErrorDetector.Find([0, 2], new ProbabilityMatrix([0.5f, 0.5f, 0.5f, 0.5f], 2)));

    [Fact]
    public void Class_without_given_labels_is_never_a_confident_class()
    {
        var joint = ConfidentJoint.Compute([0, 0], new ProbabilityMatrix([0.9f, 0.1f, 0.2f, 0.8f], 2));

        Assert.Equal(ConfidentJoint.UnreachableThreshold, joint.Thresholds[1]);
        Assert.Equal(0, joint.Counts[0, 1]);
    }

    /// <summary>Prune by noise rate with a full sort per cell, ties to the lower index, then the argmax filter.</summary>
    private static List<int> ReferenceNoiseRate(int[] given, ProbabilityMatrix p, int[,] prune)
    {
        var mark = new HashSet<int>();
        for (var g = 0; g < p.ClassCount; g++)
        {
            for (var j = 0; j < p.ClassCount; j++)
            {
                if (j == g)
                    continue;
                var members = Enumerable.Range(0, given.Length).Where(i => given[i] == g);
                var top = members.OrderByDescending(i => (double)p[i, j] - p[i, g]).ThenBy(i => i).Take(Math.Max(prune[j, g], 0));
                mark.UnionWith(top);
            }
        }
        return mark.Where(i => p.ArgMax(i) != given[i]).ToList();
    }
}
