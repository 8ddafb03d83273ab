using Labelforge.Engine.Agreement;
using Labelforge.Engine.Consensus;
using Labelforge.Engine.Synthetic;

namespace Labelforge.Engine.Tests.Agreement;

public class AgreementViewsTests
{
    private static CrowdAnswers Crowd(int items, int seed = 3) => SyntheticCrowd.Generate(new SyntheticCrowdOptions
    {
        ItemCount = items, AnnotatorCount = 8, ClassCount = 3, AnswersPerItem = 4, Seed = seed,
    }).Answers;

    [Fact]
    public void Bootstrap_interval_is_seeded_and_brackets_the_estimate()
    {
        var answers = Crowd(400);
        var first = AgreementBootstrap.Compute(AgreementMetric.FleissKappa, answers, 200, seed: 7);
        var again = AgreementBootstrap.Compute(AgreementMetric.FleissKappa, answers, 200, seed: 7);
        var other = AgreementBootstrap.Compute(AgreementMetric.FleissKappa, answers, 200, seed: 8);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        var estimate = FleissKappa.Compute(answers);
        Assert.InRange(estimate, first.Lower, first.Upper);
        Assert.Equal(200, first.Replicates);
    }

    [Theory]
    [InlineData(AgreementMetric.FleissKappa)]
    [InlineData(AgreementMetric.GwetAc1)]
    [InlineData(AgreementMetric.KrippendorffAlpha)]
    public void Bootstrap_from_item_sums_gives_the_interval_of_the_weighted_replicates(AgreementMetric metric)
    {
        // Items with one to four answers (some unpairable), three classes: every branch of the per-item sums.
        var random = new Random(11);
        var (items, annotators, labels) = (new List<int>(), new List<int>(), new List<int>());
        for (var i = 0; i < 300; i++)
        {
            var truth = random.Next(3);
            var m = 1 + random.Next(4);
            for (var a = 0; a < m; a++)
            {
                items.Add(i);
                annotators.Add(a);
                labels.Add(random.NextDouble() < 0.7 ? truth : random.Next(3));
            }
        }
        var answers = new CrowdAnswers([.. items], [.. annotators], [.. labels], 300, 4, 3);
        var fast = AgreementBootstrap.Compute(metric, answers, 150, seed: 4);

        // The replicates as weights over items, each metric's own weighted formula (the path for other metrics).
        var master = new Random(4);
        var seeds = Enumerable.Range(0, 150).Select(_ => master.Next()).ToArray();
        var values = seeds.Select(seed =>
        {
            var draw = new Random(seed);
            var weights = new double[300];
            for (var d = 0; d < 300; d++)
                weights[draw.Next(300)]++;
            return AgreementMeasure.Compute(metric, answers, itemWeights: weights);
        }).Where(double.IsFinite).Order().ToArray();
        double Quantile(double q)
        {
            var position = q * (values.Length - 1);
            var lower = (int)Math.Floor(position);
            var upper = Math.Min(lower + 1, values.Length - 1);
            return values[lower] + ((position - lower) * (values[upper] - values[lower]));
        }
        Assert.Equal(values.Length, fast.Replicates);
        Assert.Equal(Quantile(0.025), fast.Lower, 12);
        Assert.Equal(Quantile(0.975), fast.Upper, 12);
        // Ordinal alpha weighs pairs by the totals and keeps the weighted path: still seeded.
        var ordinal = new AgreementOptions { Level = AgreementLevel.Ordinal };
        Assert.Equal(AgreementBootstrap.Compute(metric, answers, 50, 2, ordinal), AgreementBootstrap.Compute(metric, answers, 50, 2, ordinal));
    }

    [Fact]
    public void Bootstrap_interval_narrows_with_more_items()
    {
        var small = AgreementBootstrap.Compute(AgreementMetric.KrippendorffAlpha, Crowd(100), 300, seed: 1);
        var large = AgreementBootstrap.Compute(AgreementMetric.KrippendorffAlpha, Crowd(1600), 300, seed: 1);
        Assert.True(large.Upper - large.Lower < (small.Upper - small.Lower) / 2);
    }

    [Fact]
    public void Per_label_agreement_on_two_labels_equals_the_overall_value()
    {
        var answers = SyntheticCrowd.Generate(new SyntheticCrowdOptions { ItemCount = 300, ClassCount = 2, Seed = 5 }).Answers;
        var perLabel = AgreementMeasure.PerLabel(AgreementMetric.FleissKappa, answers);
        var overall = FleissKappa.Compute(answers);
        Assert.Equal(overall, perLabel[0], 12);
        Assert.Equal(overall, perLabel[1], 12);
    }

    [Fact]
    public void Per_label_agreement_finds_the_confused_label()
    {
        // Labels 0 and 1 are always told apart from 2, but 0 and 1 are swapped half the time.
        var answers = CrowdAnswers.FromMatrix(new[,]
        {
            { 0, 1 }, { 0, 0 }, { 1, 0 }, { 1, 1 }, { 2, 2 }, { 2, 2 }, { 0, 1 }, { 1, 1 },
        }, 3);
        var perLabel = AgreementMeasure.PerLabel(AgreementMetric.CohenKappa, answers);
        Assert.Equal(1.0, perLabel[2], 12);
        Assert.True(perLabel[0] < 0.5 && perLabel[1] < 0.5);
    }

    [Fact]
    public void Pairwise_matrix_agrees_with_cohen_kappa_of_each_pair()
    {
        var answers = Crowd(300);
        var pairwise = PairwiseAgreement.Compute(answers, KappaWeighting.Linear);
        var (u, v) = (1, 4);
        var mask = Enumerable.Range(0, answers.Count).Where(a => answers.Annotators[a] == u || answers.Annotators[a] == v).ToArray();
        var pair = new CrowdAnswers(
            mask.Select(a => answers.Items[a]).ToArray(), mask.Select(a => answers.Annotators[a]).ToArray(),
            mask.Select(a => answers.Labels[a]).ToArray(), answers.ItemCount, answers.AnnotatorCount, 3);
        Assert.Equal(CohenKappa.Compute(pair, KappaWeighting.Linear), pairwise.Kappa[u, v], 12);
        Assert.Equal(pairwise.Kappa[u, v], pairwise.Kappa[v, u]);
        Assert.Equal(1.0, pairwise.Kappa[u, u]);
        Assert.True(pairwise.SharedItems[u, v] > 0);
    }
}
