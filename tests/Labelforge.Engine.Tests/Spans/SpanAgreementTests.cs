using Labelforge.Engine.Spans;

namespace Labelforge.Engine.Tests.Spans;

public class SpanAgreementTests
{
    private const int Person = 0, Place = 1;

    [Fact]
    public void Pairwise_f1_counts_exact_and_overlapping_matches_per_label()
    {
        // Item 1: both mark "Ada" a person; A marks "New York" a place, B only "York".
        // Item 2: A marks a person B does not mark at all; C did not annotate either item.
        IReadOnlyList<LabeledRange>?[] item1 =
        [
            [new(0, 3, Person), new(10, 18, Place)],
            [new(0, 3, Person), new(14, 18, Place)],
            null,
        ];
        IReadOnlyList<LabeledRange>?[] item2 = [[new(5, 9, Person)], [], null];
        var result = SpanAgreement.Compute([item1, item2], labelCount: 2);

        Assert.Equal(2, result.ComparedPairs);
        Assert.Equal(new SpanF1(Person, 3, 1, 1), result.PerLabel[Person]);
        Assert.Equal(new SpanF1(Place, 2, 0, 1), result.PerLabel[Place]);
        Assert.Equal(4.0 / 5, result.Overall.PartialF1, 12);
        Assert.Equal(2.0 / 5, result.Overall.ExactF1, 12);
        Assert.Equal(2.0 / 3, result.PerLabel[Person].ExactF1, 12);
    }

    [Fact]
    public void Partial_matches_are_one_to_one_so_f1_stays_at_most_one()
    {
        // One long span of A overlaps two short spans of B: only one pair can match.
        IReadOnlyList<LabeledRange>?[] item = [[new(0, 10, Place)], [new(0, 4, Place), new(5, 10, Place)]];
        var result = SpanAgreement.Compute([item], labelCount: 2);
        Assert.Equal(1, result.PerLabel[Place].PartialMatches);
        Assert.Equal(2.0 / 3, result.PerLabel[Place].PartialF1, 12);
    }

    [Fact]
    public void Labels_nobody_used_have_no_f1_and_other_labels_never_match()
    {
        IReadOnlyList<LabeledRange>?[] item = [[new(0, 3, Person)], [new(0, 3, Place)]];
        var result = SpanAgreement.Compute([item], labelCount: 3);
        Assert.Equal(0, result.Overall.ExactF1);
        Assert.Equal(0, result.Overall.PartialF1);
        Assert.True(double.IsNaN(result.PerLabel[2].ExactF1));
    }

    [Fact]
    public void Majority_keeps_spans_more_than_half_of_the_annotators_marked_exactly()
    {
        IReadOnlyList<LabeledRange>?[] item =
        [
            [new(0, 3, Person), new(10, 18, Place)],
            [new(0, 3, Person), new(14, 18, Place)],
            [new(0, 3, Person), new(10, 18, Place)],
            null,
        ];
        IReadOnlyList<LabeledRange>?[] tie = [[new(0, 3, Person)], []];
        IReadOnlyList<LabeledRange>?[] none = [null, null];
        var result = SpanConsensus.Majority([item, tie, none]);
        Assert.Equal([new LabeledRange(0, 3, Person), new LabeledRange(10, 18, Place)], result[0]);
        Assert.Empty(result[1]!);
        Assert.Null(result[2]);
    }
}
