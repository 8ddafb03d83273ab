using Labelforge.Engine;
using Labelforge.Engine.ActiveLearning;

namespace Labelforge.Engine.Tests.ActiveLearning;

public class QueueRankingTests
{
    private static ProbabilityMatrix Binary(params float[] positive) =>
        new([.. positive.SelectMany(p => new[] { 1 - p, p })], 2);

    [Fact]
    public void Margin_ranks_the_pool_most_uncertain_first_up_to_depth()
    {
        var pool = Binary(0.99f, 0.52f, 0.1f, 0.45f, 0.8f, 0.6f);

        var ranked = QueueRanking.Rank(pool, new QueryOptions { Strategy = QueryStrategy.Margin }, head: 2, depth: 4);

        Assert.Equal([1, 3, 5, 4], ranked.Rows);
        Assert.Equal(1 - 0.04, ranked.Scores[0], 5);
        Assert.True(ranked.Scores.Zip(ranked.Scores.Skip(1)).All(p => p.First >= p.Second));
    }

    [Fact]
    public void Copies_of_one_input_are_ranked_once()
    {
        var pool = Binary(0.5f, 0.9f, 0.5f, 0.6f);

        var ranked = QueueRanking.Rank(pool, new QueryOptions { Strategy = QueryStrategy.Margin }, head: 1, depth: 4, duplicateOf: [0, 1, 0, 3]);

        Assert.Equal([0, 3, 1], ranked.Rows);
    }

    [Fact]
    public void Entropy_and_least_confidence_rank_by_their_own_scores()
    {
        // Three classes: least confidence and entropy disagree on (0.5, 0.5, 0) against (0.45, 0.3, 0.25).
        var pool = new ProbabilityMatrix([0.5f, 0.5f, 0f, 0.45f, 0.3f, 0.25f, 0.9f, 0.05f, 0.05f], 3);

        Assert.Equal([1, 0, 2], QueueRanking.Rank(pool, new QueryOptions { Strategy = QueryStrategy.LeastConfidence }, 1, 3).Rows);
        Assert.Equal([1, 0, 2], QueueRanking.Rank(pool, new QueryOptions { Strategy = QueryStrategy.Entropy }, 1, 3).Rows);
        Assert.Equal([0, 1, 2], QueueRanking.Rank(pool, new QueryOptions { Strategy = QueryStrategy.Margin }, 1, 3).Rows);
    }

    [Fact]
    public void Uncertainty_diversity_spreads_the_head_then_continues_by_margin()
    {
        // Two tight clusters of equally uncertain items and certain items elsewhere.
        var pool = Binary(0.5f, 0.5f, 0.5f, 0.5f, 0.9f, 0.95f, 0.7f);
        float[] features = [0, 0, 0, 0.01f, 10, 10, 10, 10.01f, 5, 5, 6, 6, 20, 20];

        var ranked = QueueRanking.Rank(pool, new QueryOptions { Strategy = QueryStrategy.UncertaintyDiversity, Seed = 3, CandidateFactor = 2 }, head: 2, depth: 7, features, 2);

        Assert.Equal(7, ranked.Rows.Distinct().Count());
        Assert.NotEqual(ranked.Rows[0] < 2, ranked.Rows[1] < 2); // one from each cluster
        Assert.Equal([6, 4, 5], ranked.Rows[4..]);
    }

    [Fact]
    public void Diversity_ranks_only_its_head_and_random_ranks_nothing()
    {
        var pool = Binary(0.5f, 0.6f, 0.7f, 0.8f);
        float[] features = [0, 0, 1, 1, 2, 2, 3, 3];

        Assert.Equal(2, QueueRanking.Rank(pool, new QueryOptions { Strategy = QueryStrategy.Diversity }, 2, 4, features, 2).Rows.Length);
        Assert.Empty(QueueRanking.Rank(pool, new QueryOptions { Strategy = QueryStrategy.Random }, 2, 4).Rows);
    }

    [Fact]
    public void Stable_rounds_count_the_trailing_kappas_at_the_threshold()
    {
        Assert.Equal(0, StabilizingPredictions.StableRounds([]));
        Assert.Equal(2, StabilizingPredictions.StableRounds([0.995, 0.5, 0.991, 1.0]));
        Assert.Equal(0, StabilizingPredictions.StableRounds([1.0, 0.98]));
    }
}
