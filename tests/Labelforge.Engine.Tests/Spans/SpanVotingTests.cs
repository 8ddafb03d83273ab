using Labelforge.Engine.Spans;

namespace Labelforge.Engine.Tests.Spans;

public class SpanVotingTests
{
    private const int Person = 0, Place = 1;

    [Fact]
    public void Without_overlaps_votes_decide_first_then_length_then_position()
    {
        // "New York" (0..8) proposed once, "York" (4..8) twice: the votes beat the length. "Ada" (12..15) as a person
        // twice and as a place once: same range, the person wins. "Bob Lee" (20..27) and "Lee Ann" (24..31) once each:
        // equal votes and length, the earlier wins.
        LabeledRange[] proposals =
        [
            new(0, 8, Place), new(4, 8, Place), new(4, 8, Place),
            new(12, 15, Person), new(12, 15, Place), new(12, 15, Person),
            new(24, 31, Person), new(20, 27, Person),
        ];
        Assert.Equal([new(4, 8, Place), new(12, 15, Person), new(20, 27, Person)], SpanVoting.Merge(proposals, overlapping: false));
    }

    [Fact]
    public void Equal_votes_keep_the_longest_and_overlapping_projects_keep_every_distinct_span()
    {
        LabeledRange[] proposals = [new(4, 8, Place), new(0, 8, Place), new(0, 3, Person), new(0, 8, Place)];
        Assert.Equal([new(0, 8, Place)], SpanVoting.Merge(proposals.Take(2), overlapping: false));
        Assert.Equal([new(0, 3, Person), new(0, 8, Place), new(4, 8, Place)], SpanVoting.Merge(proposals, overlapping: true));
        Assert.Empty(SpanVoting.Merge([], overlapping: false));
        Assert.Throws<ArgumentException>(() => SpanVoting.Merge([new(3, 3, Person)], overlapping: false));
    }
}
