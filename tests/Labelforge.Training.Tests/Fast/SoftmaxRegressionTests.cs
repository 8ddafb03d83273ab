using Labelforge.Training.Fast;

namespace Labelforge.Training.Tests.Fast;

public class SoftmaxRegressionTests
{
    [Fact]
    public void Learns_topics_from_hashed_features()
    {
        var train = GeneratedTexts.Make(300, seed: 6);
        var test = GeneratedTexts.Make(100, seed: 7);
        var featurizer = new HashedTextFeaturizer(bits: 14);
        var trainVectors = featurizer.FitTransform(train.Texts);

        var model = SoftmaxRegression.Train(trainVectors, train.Labels, 3, featurizer.Dimension);
        var probabilities = model.PredictProbabilities(featurizer.Transform(test.Texts));

        var correct = 0;
        for (var i = 0; i < test.Count; i++)
        {
            var row = probabilities.AsSpan(i * 3, 3).ToArray();
            Assert.Equal(1.0, row.Sum(), 3);
            if (Array.IndexOf(row, row.Max()) == test.Labels[i])
                correct++;
        }
        Assert.True(correct >= 85, $"accuracy {correct}/100");
    }

    [Fact]
    public void Sketch_rows_are_unit_length()
    {
        var featurizer = new HashedTextFeaturizer(bits: 12);
        var vectors = featurizer.FitTransform(["one two three", "four five"]);

        var sketch = HashedTextFeaturizer.Sketch(vectors, 8);

        Assert.Equal(1.0, sketch[..8].Sum(x => x * x), 4);
        Assert.Equal(1.0, sketch[8..].Sum(x => x * x), 4);
    }
}
