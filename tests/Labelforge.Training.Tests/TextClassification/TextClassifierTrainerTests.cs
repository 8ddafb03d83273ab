using Labelforge.Training.TextClassification;

namespace Labelforge.Training.Tests.TextClassification;

public class TextClassifierTrainerTests
{
    [Fact]
    public void Learns_topics_and_returns_probability_rows()
    {
        var train = GeneratedTexts.Make(300, seed: 1);
        var test = GeneratedTexts.Make(100, seed: 2);

        var model = TextClassifierTrainer.Train(train);
        var probabilities = model.PredictProbabilities(test.Texts);

        Assert.Equal(test.Count * 3, probabilities.Length);
        for (var i = 0; i < test.Count; i++)
            Assert.Equal(1.0, probabilities.AsSpan(i * 3, 3).ToArray().Sum(), 3);
        var accuracy = model.Predict(test.Texts).Zip(test.Labels).Count(p => p.First == p.Second) / (double)test.Count;
        Assert.True(accuracy >= 0.85, $"accuracy {accuracy}");
    }

    [Fact]
    public void Same_seed_gives_the_same_probabilities()
    {
        var train = GeneratedTexts.Make(150, seed: 3);
        string[] probe = ["the striker will score", "bank profit rises"];

        var a = TextClassifierTrainer.Train(train).PredictProbabilities(probe);
        var b = TextClassifierTrainer.Train(train).PredictProbabilities(probe);

        Assert.Equal(a, b);
    }

    [Fact]
    public void Example_weights_decide_between_conflicting_labels()
    {
        // "alpha" texts are labeled 0 with weight 1 and 1 with weight 0.05; "beta" texts the other way round.
        var texts = new List<string>();
        var labels = new List<int>();
        var weights = new List<float>();
        for (var i = 0; i < 40; i++)
        {
            foreach (var (word, heavy) in new[] { ("alpha", 0), ("beta", 1) })
            {
                texts.Add($"{word} item {i}");
                labels.Add(heavy);
                weights.Add(1f);
                texts.Add($"{word} item {i}");
                labels.Add(1 - heavy);
                weights.Add(0.05f);
            }
        }

        var model = TextClassifierTrainer.Train(new TextExamples(texts, [.. labels], 2, [.. weights]));

        Assert.Equal([0, 1], model.Predict(["alpha thing", "beta thing"]));
    }

    [Fact]
    public void Label_outside_the_classes_is_rejected() =>
        Assert.Throws<ArgumentException>(() => TextClassifierTrainer.Train(new TextExamples(["a", "b"], [0, 2], 2)));
}
