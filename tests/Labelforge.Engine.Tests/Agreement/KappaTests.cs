using Labelforge.Engine.Agreement;
using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Tests.Agreement;

public class KappaTests
{
    [Fact]
    public void Fleiss_1971_table_reproduces_the_published_kappa()
    {
        var answers = Ratings.FromCounts(TextbookExamples.Fleiss1971);
        var columnTotals = Enumerable.Range(0, 5).Select(c => TextbookExamples.Fleiss1971.Sum(r => r[c])).ToArray();
        Assert.Equal([26, 26, 30, 55, 43], columnTotals);
        Assert.Equal(0.4302445, FleissKappa.Compute(answers), 1e-6);
    }

    [Fact]
    public void Fleiss_fourteen_rater_example_gives_0_210()
    {
        Assert.Equal(0.210, FleissKappa.Compute(Ratings.FromCounts(TextbookExamples.FourteenRaters)), 3);
    }

    [Theory]
    [InlineData(KappaWeighting.None, 0.4842)]
    [InlineData(KappaWeighting.Linear, 0.4701)]
    public void Cohen_kappa_matches_the_sas_example(KappaWeighting weighting, double expected)
    {
        var answers = Ratings.FromPairTable(TextbookExamples.SasPairTable);
        Assert.Equal(expected, CohenKappa.Compute(answers, weighting), 4);
    }

    [Fact]
    public void Quadratic_weighted_kappa_matches_a_hand_computation()
    {
        // Table [[2,1,0],[0,2,1],[0,0,2]] of 8 items, rows (3,3,2), columns (2,3,3); weights 0.25 one step apart, 1 two.
        // Observed disagreement 2 * 0.25 / 8 = 0.0625; chance sum_ab d_ab r_a c_b / 64.
        var answers = Ratings.FromPairTable(new[,] { { 2, 1, 0 }, { 0, 2, 1 }, { 0, 0, 2 } });
        var chance = ((0.25 * ((3 * 3) + (3 * 2) + (3 * 3) + (2 * 3))) + (1.0 * ((3 * 3) + (2 * 2)))) / 64;
        Assert.Equal(1 - (0.0625 / chance), CohenKappa.Compute(answers, KappaWeighting.Quadratic), 12);
    }

    [Fact]
    public void Cohen_kappa_refuses_three_annotators_and_one_annotator()
    {
        var three = CrowdAnswers.FromMatrix(new[,] { { 0, 0, 1 }, { 1, 1, 1 } }, 2);
        Assert.Throws<ArgumentException>(() => CohenKappa.Compute(three));
        var one = CrowdAnswers.FromMatrix(new[,] { { 0, LabelIndex.Abstain }, { 1, LabelIndex.Abstain } }, 2);
        Assert.Throws<ArgumentException>(() => CohenKappa.Compute(one));
    }

    [Fact]
    public void Gwet_ac1_matches_a_hand_computation_for_two_raters()
    {
        // 100 items: agree 40 on A and 45 on B, 10 A/B and 5 B/A. P_a = 0.85; pi_A = (50 + 45) / 200 = 0.475;
        // P_e = 2 * 0.475 * 0.525 = 0.49875; AC1 = 0.35125 / 0.50125.
        var answers = Ratings.FromPairTable(new[,] { { 40, 10 }, { 5, 45 } });
        Assert.Equal(0.35125 / 0.50125, GwetAc1.Compute(answers), 12);
        Assert.Equal(0.85, PercentAgreement.Compute(answers), 12);
    }

    [Fact]
    public void Perfect_agreement_single_class_and_lone_annotators()
    {
        var perfect = CrowdAnswers.FromMatrix(new[,] { { 0, 0, 0 }, { 1, 1, 1 }, { 2, 2, 2 } }, 3);
        Assert.Equal(1.0, FleissKappa.Compute(perfect), 12);
        Assert.Equal(1.0, GwetAc1.Compute(perfect), 12);
        Assert.Equal(1.0, PercentAgreement.Compute(perfect), 12);

        var singleClass = CrowdAnswers.FromMatrix(new[,] { { 0, 0 }, { 0, 0 } }, 1);
        Assert.True(double.IsNaN(FleissKappa.Compute(singleClass)));
        Assert.True(double.IsNaN(GwetAc1.Compute(singleClass)));
        Assert.Equal(1.0, PercentAgreement.Compute(singleClass), 12);

        var lone = CrowdAnswers.FromMatrix(new[,] { { 0 }, { 1 } }, 2);
        Assert.True(double.IsNaN(PercentAgreement.Compute(lone)));
        Assert.True(double.IsNaN(FleissKappa.Compute(lone)));
    }
}
