using Labelforge.Core.Models;
using Labelforge.Training.Models;

namespace Labelforge.Training.Tests.Models;

public class TextModelsTests
{
    [Fact]
    public void A_saved_linear_model_loads_and_predicts_the_same_probabilities()
    {
        var train = GeneratedTexts.Make(200, seed: 5);
        var probe = GeneratedTexts.Make(20, seed: 6).Texts;
        var model = TextModels.Train(ModelKinds.Linear, train, seed: 1, TestContext.Current.CancellationToken);

        var blob = TextModels.Serialize(model);
        var loaded = TextModels.Load(ModelKinds.Linear, blob, 3);

        Assert.True(blob.Length > 1000);
        Assert.Equal(model.PredictProbabilities(probe), loaded.PredictProbabilities(probe));
    }

    [Fact]
    public void Unknown_kinds_are_refused_with_the_known_ones_named()
    {
        var error = Assert.Throws<Labelforge.Core.Common.LabelforgeException>(() =>
            TextModels.Train("forest", GeneratedTexts.Make(20, seed: 1), seed: 1, TestContext.Current.CancellationToken));
        Assert.Contains("linear", error.Message, StringComparison.Ordinal);
    }
}
