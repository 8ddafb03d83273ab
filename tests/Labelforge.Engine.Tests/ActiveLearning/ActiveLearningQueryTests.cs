using Labelforge.Engine;
using Labelforge.Engine.ActiveLearning;

namespace Labelforge.Engine.Tests.ActiveLearning;

public class ActiveLearningQueryTests
{
    private static ProbabilityMatrix Binary(params float[] positive) =>
        new([.. positive.SelectMany(p => new[] { 1 - p, p })], 2);

    [Theory]
    [InlineData(QueryStrategy.LeastConfidence)]
    [InlineData(QueryStrategy.Margin)]
    [InlineData(QueryStrategy.Entropy)]
    public void Uncertainty_strategies_pick_the_items_nearest_the_boundary(QueryStrategy strategy)
    {
        var pool = Binary(0.99f, 0.52f, 0.1f, 0.45f, 0.8f, 0.6f);

        var picked = ActiveLearningQuery.Select(pool, 3, new QueryOptions { Strategy = strategy });

        Assert.Equal([1, 3, 5], picked);
    }

    [Fact]
    public void A_batch_takes_one_item_of_each_group_of_identical_inputs()
    {
        // Rows 1, 2 and 4 are copies (same group 1): only the first of them is taken, then the next most uncertain.
        var pool = Binary(0.99f, 0.5f, 0.5f, 0.45f, 0.5f, 0.6f, 0.7f);

        var picked = ActiveLearningQuery.Select(pool, 3, new QueryOptions { Strategy = QueryStrategy.Margin }, duplicateOf: [0, 1, 1, 3, 1, 5, 6]);

        Assert.Equal([1, 3, 5], picked);
    }

    [Fact]
    public void A_batch_of_distinct_items_stops_when_the_groups_run_out()
    {
        var pool = Binary(0.5f, 0.5f, 0.5f, 0.9f);

        var picked = ActiveLearningQuery.Select(pool, 3, new QueryOptions { Strategy = QueryStrategy.Margin }, duplicateOf: [0, 0, 0, 3]);

        Assert.Equal([0, 3], picked);
    }

    [Fact]
    public void Margin_ties_go_to_the_lower_index()
    {
        var pool = Binary(0.7f, 0.5f, 0.5f, 0.9f, 0.5f);

        Assert.Equal([1, 2], ActiveLearningQuery.Select(pool, 2));
    }

    [Fact]
    public void Random_is_reproducible_per_seed_and_distinct()
    {
        var pool = new ProbabilityMatrix(new float[2000], 2);

        var a = ActiveLearningQuery.Select(pool, 50, new QueryOptions { Strategy = QueryStrategy.Random, Seed = 1 });
        var b = ActiveLearningQuery.Select(pool, 50, new QueryOptions { Strategy = QueryStrategy.Random, Seed = 1 });
        var c = ActiveLearningQuery.Select(pool, 50, new QueryOptions { Strategy = QueryStrategy.Random, Seed = 2 });

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(50, a.Distinct().Count());
    }

    [Fact]
    public void Diversity_takes_one_item_from_each_separated_cluster()
    {
        var (features, cluster) = Clusters(perCluster: 50, clusters: 4, seed: 3);
        var pool = new ProbabilityMatrix(new float[cluster.Length * 2], 2);

        var picked = ActiveLearningQuery.Select(pool, 4, new QueryOptions { Strategy = QueryStrategy.Diversity, Seed = 9 }, features, 2);

        Assert.Equal(4, picked.Select(i => cluster[i]).Distinct().Count());
    }

    [Fact]
    public void Uncertainty_diversity_stays_among_the_uncertain_candidates_and_spreads_over_them()
    {
        var (features, cluster) = Clusters(perCluster: 50, clusters: 4, seed: 4);
        // Clusters 0 and 1 are uncertain (p near 0.5), clusters 2 and 3 certain.
        var pool = Binary([.. cluster.Select((c, i) => c < 2 ? 0.5f + (i % 7 * 0.01f) : 0.99f)]);

        var picked = ActiveLearningQuery.Select(pool, 4, new QueryOptions { Strategy = QueryStrategy.UncertaintyDiversity, CandidateFactor = 20 }, features, 2);

        Assert.All(picked, i => Assert.True(cluster[i] < 2));
        Assert.Equal(2, picked.Select(i => cluster[i]).Distinct().Count());
    }

    [Fact]
    public void Diversity_without_features_is_rejected() =>
        Assert.Throws<ArgumentException>(() => ActiveLearningQuery.Select(Binary(0.5f), 1, new QueryOptions { Strategy = QueryStrategy.Diversity }));

    private static (float[] Features, int[] Cluster) Clusters(int perCluster, int clusters, int seed)
    {
        var random = new Random(seed);
        var features = new float[perCluster * clusters * 2];
        var cluster = new int[perCluster * clusters];
        for (var i = 0; i < cluster.Length; i++)
        {
            cluster[i] = i % clusters;
            features[2 * i] = (cluster[i] * 100) + (float)random.NextDouble();
            features[(2 * i) + 1] = (cluster[i] % 2 * 100) + (float)random.NextDouble();
        }
        return (features, cluster);
    }
}
