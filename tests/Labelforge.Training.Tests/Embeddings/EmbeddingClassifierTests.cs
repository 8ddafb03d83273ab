using Labelforge.Core.Models;
using Labelforge.Training.Embeddings;
using Labelforge.Training.Models;

namespace Labelforge.Training.Tests.Embeddings;

public class EmbeddingClassifierTests
{
    [Fact]
    public void Packaged_minilm_embeds_offline_with_unit_vectors_and_similar_sentences_close()
    {
        var v = SentenceEmbedder.Embed(["the striker scored a late goal", "a late goal by the striker", "preheat the oven and add flour"], ct: TestContext.Current.CancellationToken);

        Assert.Equal(3 * SentenceEmbedder.Dimension, v.Length);
        double Dot(int a, int b) => Enumerable.Range(0, SentenceEmbedder.Dimension).Sum(d => (double)v[(a * SentenceEmbedder.Dimension) + d] * v[(b * SentenceEmbedder.Dimension) + d]);
        Assert.Equal(1.0, Dot(0, 0), 3);
        Assert.True(Dot(0, 1) > Dot(0, 2) + 0.2, $"paraphrase {Dot(0, 1):F3} vs unrelated {Dot(0, 2):F3}");
    }

    [Fact]
    public void Learns_topics_from_embeddings_and_survives_a_round_trip()
    {
        var train = GeneratedTexts.Make(90, seed: 8);
        var test = GeneratedTexts.Make(30, seed: 9);

        var model = TextModels.Train(ModelKinds.EmbeddingLinear, train, seed: 1, TestContext.Current.CancellationToken);
        var probabilities = model.PredictProbabilities(test.Texts);
        var loaded = TextModels.Load(ModelKinds.EmbeddingLinear, TextModels.Serialize(model), 3);

        var correct = Enumerable.Range(0, test.Count).Count(i =>
        {
            var row = probabilities.AsSpan(i * 3, 3).ToArray();
            return Array.IndexOf(row, row.Max()) == test.Labels[i];
        });
        Assert.True(correct >= 24, $"{correct} of 30");
        Assert.Equal(probabilities, loaded.PredictProbabilities(test.Texts));
    }
}
