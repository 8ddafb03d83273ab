using Labelforge.Engine.Agreement;
using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Tests.Agreement;

public class KrippendorffAlphaTests
{
    private static readonly double[] Values = [1, 2, 3, 4, 5];

    [Theory]
    [InlineData(AgreementLevel.Nominal, 0.743)]
    [InlineData(AgreementLevel.Ordinal, 0.815)]
    [InlineData(AgreementLevel.Interval, 0.849)]
    [InlineData(AgreementLevel.Ratio, 0.797)]
    public void Reproduces_krippendorffs_worked_example_with_missing_values(AgreementLevel level, double published)
    {
        var answers = Ratings.FromObserverRows(TextbookExamples.KrippendorffObservers, 5);
        Assert.Equal(published, KrippendorffAlpha.Compute(answers, level, Values), 0.0005);
    }

    [Fact]
    public void Interval_alpha_uses_label_values_not_indices()
    {
        var answers = Ratings.FromObserverRows(TextbookExamples.KrippendorffObservers, 5);
        var squashed = KrippendorffAlpha.Compute(answers, AgreementLevel.Interval, [1, 2, 3, 4, 100]);
        Assert.NotEqual(KrippendorffAlpha.Compute(answers, AgreementLevel.Interval, Values), squashed, 3);
    }

    [Fact]
    public void Perfect_agreement_is_one_and_no_variation_is_undefined()
    {
        var perfect = CrowdAnswers.FromMatrix(new[,] { { 0, 0 }, { 1, 1 }, { 2, 2 } }, 3);
        Assert.Equal(1.0, KrippendorffAlpha.Compute(perfect, AgreementLevel.Nominal), 12);
        var oneValue = CrowdAnswers.FromMatrix(new[,] { { 1, 1 }, { 1, 1 } }, 3);
        Assert.True(double.IsNaN(KrippendorffAlpha.Compute(oneValue, AgreementLevel.Nominal)));
    }

    [Fact]
    public void Units_with_a_single_value_and_all_missing_data_are_not_pairable()
    {
        var single = CrowdAnswers.FromMatrix(new[,] { { 0, LabelIndex.Abstain }, { LabelIndex.Abstain, 1 } }, 2);
        Assert.True(double.IsNaN(KrippendorffAlpha.Compute(single, AgreementLevel.Nominal)));
        var none = new CrowdAnswers([], [], [], 3, 2, 2);
        Assert.True(double.IsNaN(KrippendorffAlpha.Compute(none, AgreementLevel.Interval)));
    }

    [Fact]
    public void Integer_item_weights_equal_duplicating_the_items()
    {
        var answers = Ratings.FromObserverRows(TextbookExamples.KrippendorffObservers, 5);
        var weights = new double[12];
        weights[1] = 2;
        weights[5] = 1;
        weights[9] = 1;
        var duplicated = Ratings.FromObserverRows(
            TextbookExamples.KrippendorffObservers.Select(row => new[] { row[1], row[1], row[5], row[9] }).ToArray(), 5);
        Assert.Equal(
            KrippendorffAlpha.Compute(duplicated, AgreementLevel.Ordinal, Values),
            KrippendorffAlpha.Compute(answers, AgreementLevel.Ordinal, Values, weights), 12);
    }
}
