using Labelforge.Engine.ActiveLearning;
using Labelforge.Training.ActiveLearning;

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
}
