using Labelforge.Engine;

namespace Labelforge.Engine.Tests;

public class TopKTests
{
    [Fact]
    public void Matches_a_full_sort_with_ties_to_the_lower_index()
    {
        var random = new Random(1);
        var scores = Enumerable.Range(0, 5000).Select(_ => (double)random.Next(100)).ToArray();

        var top = TopK.Largest(scores, 37);

        var expected = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(37);
        Assert.Equal(expected, top);
    }

    [Fact]
    public void Count_larger_than_input_returns_everything_sorted() =>
        Assert.Equal([1, 2, 0], TopK.Largest([1.0, 3.0, 2.0], 10));

    [Fact]
    public void Candidates_map_back_to_original_indices() =>
        Assert.Equal([4, 0], TopK.Largest([5.0, 9.0, 1.0, 0.0, 7.0], [0, 2, 4], 2));
}
