using Labelforge.Engine.Consensus;
using Labelforge.Engine.Spans;

namespace Labelforge.Engine.Tests.Spans;

public class SpanDawidSkeneTests
{
    private const int Person = 0, Place = 1;

    private static readonly LabeledRange[] Truth = [new(0, 5, Person), new(10, 15, Place)];
    /// <summary>
    /// Seeded crowd with known truth: annotators 0 and 1 are careful (mark each true span with p 0.9, a false span of
    /// their own with p 0.05), annotators 2 to 4 sloppy (true spans 0.3, a false span of their own 0.5). Majority needs
    /// three of five and loses true spans the careful two agree on; Dawid–Skene learns whom to trust. (With one careful
    /// annotator against two sloppy ones, EM from the vote fractions settles on trusting the two: a local optimum.)
    /// </summary>
    private static IReadOnlyList<LabeledRange>?[][] Crowd(int items, int seed)
    {
        var random = new Random(seed);
        (double Hit, double Decoy)[] skill = [(0.9, 0.05), (0.9, 0.05), (0.3, 0.5), (0.3, 0.5), (0.3, 0.5)];
        return [.. Enumerable.Range(0, items).Select(_ => skill.Select((s, a) =>
        {
            var marked = Truth.Where(_ => random.NextDouble() < s.Hit).ToList();
            if (random.NextDouble() < s.Decoy)
                marked.Add(new LabeledRange(20 + (10 * a), 25 + (10 * a), Person));
            return (IReadOnlyList<LabeledRange>?)marked;
        }).ToArray())];
    }

    private static double F1(IReadOnlyList<LabeledRange>?[] consensus)
    {
        var (kept, right) = (0, 0);
        foreach (var spans in consensus)
        {
            kept += spans!.Count;
            right += spans.Count(Truth.Contains);
        }
        return 2.0 * right / (kept + (Truth.Length * consensus.Length));
    }

    [Fact]
    public void Learns_the_careful_annotator_and_beats_majority_on_a_seeded_crowd()
    {
        var crowd = Crowd(300, seed: 7);
        var ds = SpanConsensus.DawidSkene(crowd, overlapping: false, new ConsensusOptions { Seed = 1 });
        var majority = F1(SpanConsensus.Majority(crowd));
        var learned = F1(ds.Spans);
        Assert.True(learned > 0.88, $"Dawid-Skene F1 {learned:F3}");
        // Every kept span is true: a false span is only ever one annotator's, never backed by another.
        Assert.All(ds.Spans, spans => Assert.All(spans!, s => Assert.Contains(s, Truth)));
        Assert.True(learned > majority + 0.1, $"Dawid-Skene F1 {learned:F3}, majority {majority:F3}");
        Assert.All(ds.Posteriors, p => Assert.All(p!, x => Assert.InRange(x, 0.5, 1)));
        Assert.True(ds.Iterations > 0);
    }

    [Fact]
    public void Unanimous_spans_are_kept_overlaps_go_to_the_likelier_span_and_unannotated_items_stay_null()
    {
        IReadOnlyList<LabeledRange>?[] agreed = [[new(0, 3, Person)], [new(0, 3, Person)], [new(0, 3, Person)]];
        // "New York" (4..12) by two, "York" (8..12) by one more: with overlaps refused only the likelier is kept.
        IReadOnlyList<LabeledRange>?[] nested = [[new(4, 12, Place), new(8, 12, Place)], [new(4, 12, Place), new(8, 12, Place)], [new(4, 12, Place)]];
        IReadOnlyList<LabeledRange>?[] none = [null, null, null];
        IReadOnlyList<LabeledRange>?[] empty = [[], [], null];
        var result = SpanConsensus.DawidSkene([agreed, nested, none, empty], overlapping: false);
        Assert.Equal([new(0, 3, Person)], result.Spans[0]);
        Assert.Equal([new(4, 12, Place)], result.Spans[1]);
        Assert.Null(result.Spans[2]);
        Assert.Empty(result.Spans[3]!);
        var both = SpanConsensus.DawidSkene([agreed, nested, none, empty], overlapping: true);
        Assert.Equal([new(4, 12, Place), new(8, 12, Place)], both.Spans[1]);
        Assert.Empty(SpanConsensus.DawidSkene([none], overlapping: false).Spans.OfType<object>());
    }
}
