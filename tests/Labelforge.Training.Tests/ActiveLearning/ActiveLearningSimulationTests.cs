using Labelforge.Engine.ActiveLearning;
using Labelforge.Training.ActiveLearning;
using Labelforge.Training.Fast;

namespace Labelforge.Training.Tests.ActiveLearning;

public class ActiveLearningSimulationTests
{
    [Theory]
    [InlineData(QueryStrategy.Random)]
    [InlineData(QueryStrategy.Margin)]
    [InlineData(QueryStrategy.UncertaintyDiversity)]
    public void Curve_grows_by_batches_up_to_the_budget(QueryStrategy strategy)
    {
        var data = GeneratedTexts.Make(300, seed: 8);

        var result = ActiveLearningSimulation.Run(data.Texts, data.Labels, 3,
            new SimulationOptions { Strategy = strategy, Initial = 15, Batch = 10, Budget = 55, Seed = 2 });

        Assert.Equal([15, 25, 35, 45, 55], result.Curve.Select(p => p.Labels));
        Assert.Equal(240, result.PoolItems);
        Assert.Equal(60, result.TestItems);
        Assert.True(result.FullData.MacroF1 > 0.8, $"full-data macro-F1 {result.FullData.MacroF1}");
    }

    [Fact]
    public void Thresholds_are_the_first_points_reaching_95_and_98_percent_of_full_data()
    {
        var data = GeneratedTexts.Make(300, seed: 9);

        var result = ActiveLearningSimulation.Run(data.Texts, data.Labels, 3,
            new SimulationOptions { Initial = 10, Batch = 10, Budget = 150, Seed = 4 });

        var full = result.FullData.MacroF1;
        Assert.Equal(result.Curve.FirstOrDefault(p => p.MacroF1 >= 0.95 * full)?.Labels, result.LabelsTo95);
        Assert.Equal(result.Curve.FirstOrDefault(p => p.MacroF1 >= 0.98 * full)?.Labels, result.LabelsTo98);
        Assert.NotNull(result.LabelsTo95);
    }

    [Fact]
    public void Balanced_weights_keep_an_uncertainty_sampled_model_from_collapsing_to_one_class()
    {
        // Two topics, the second one item in eight; a balanced start of 5 + 5, then least-confidence batches of 10.
        var all = GeneratedTexts.Make(1600, seed: 11, classCount: 2);
        var keep = Enumerable.Range(0, all.Count).Where(i => all.Labels[i] == 0 || i % 7 == 0).ToArray();
        string[] texts = [.. keep.Select(i => all.Texts[i])];
        int[] labels = [.. keep.Select(i => all.Labels[i])];
        var test = Enumerable.Range(0, texts.Length).Where(i => i % 5 == 0).ToArray();
        var pool = Enumerable.Range(0, texts.Length).Where(i => i % 5 != 0).ToArray();
        int[] initial = [.. pool.Where(i => labels[i] == 0).Take(5), .. pool.Where(i => labels[i] == 1).Take(5)];
        SimulationResult Run(SoftmaxRegressionOptions model) => ActiveLearningSimulation.Run(texts, labels, 2, new SimulationOptions
        {
            Strategy = QueryStrategy.LeastConfidence, Batch = 10, Budget = 120, Model = model, Split = new SimulationSplit(pool, test, initial),
        });

        var unweighted = Run(new SoftmaxRegressionOptions()).Curve.Min(p => p.MacroF1);
        var balanced = Run(SoftmaxRegressionOptions.ActiveLearning).Curve.Min(p => p.MacroF1);

        // Predicting one class everywhere scores at most 0.5 macro-F1 (one class's F1 is 0).
        Assert.True(unweighted <= 0.5, $"unweighted worst macro-F1 {unweighted}");
        Assert.True(balanced > 0.7, $"balanced worst macro-F1 {balanced}");
    }

    [Fact]
    public void A_given_split_and_initial_items_are_used_as_they_are()
    {
        var data = GeneratedTexts.Make(200, seed: 10);
        var test = Enumerable.Range(0, 50).ToArray();
        var pool = Enumerable.Range(50, 150).Reverse().ToArray();
        int[] initial = [60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71];

        var result = ActiveLearningSimulation.Run(data.Texts, data.Labels, 3, new SimulationOptions
        {
            Batch = 10, Budget = 42, Split = new SimulationSplit(pool, test, initial),
        });

        Assert.Equal(150, result.PoolItems);
        Assert.Equal(50, result.TestItems);
        Assert.Equal([12, 22, 32, 42], result.Curve.Select(p => p.Labels));
        Assert.True(result.MeanRoundSeconds > 0);
    }

    [Theory]
    [InlineData(new[] { 0, 1 }, new[] { 1, 2 }, null, "item 1 is listed twice")]
    [InlineData(new[] { 0, 1 }, new[] { 2, 300 }, null, "test item 300 is outside the 200 items")]
    [InlineData(new[] { 0, 1 }, new[] { 2 }, new[] { 2 }, "initial item 2 is not in the pool")]
    public void A_bad_split_is_refused_with_the_reason(int[] pool, int[] test, int[]? initial, string message)
    {
        Assert.Contains(message, new SimulationSplit(pool, test, initial).Problem(200));
    }
}
