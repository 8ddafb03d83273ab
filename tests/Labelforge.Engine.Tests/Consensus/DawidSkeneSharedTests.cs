using Labelforge.Engine.Consensus;
using Labelforge.Engine.Synthetic;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Engine.Tests.Consensus;

/// <summary>The one Dawid-Skene serves crowds and labeling functions: item weights and observed abstentions.</summary>
public class DawidSkeneSharedTests
{
    private static readonly int A = LabelIndex.Abstain;

    [Fact]
    public void A_weighted_item_counts_as_that_many_copies()
    {
        var crowd = SyntheticCrowd.Generate(new SyntheticCrowdOptions { ItemCount = 400, AnnotatorCount = 8, ClassCount = 3, Seed = 5 });
        var weights = Enumerable.Range(0, 400).Select(i => (double)(1 + (i % 3))).ToArray();
        var expanded = Expand(crowd.Answers, weights);
        foreach (var observed in new[] { false, true })
        {
            var options = new ConsensusOptions { AbstentionsObserved = observed };
            var weighted = DawidSkene.Run(crowd.Answers, options, weights);
            var copies = DawidSkene.Run(expanded, options);
            Assert.Equal(copies.Iterations, weighted.Iterations);
            for (var c = 0; c < 3; c++)
                Assert.Equal(copies.ClassPriors[c], weighted.ClassPriors[c], 1e-9);
            // The first copy of item i sits at row i of the expanded answers.
            for (var p = 0; p < 400 * 3; p++)
                Assert.Equal(copies.Posteriors[p], weighted.Posteriors[p], 1e-9);
        }
    }

    [Fact]
    public void One_class_labeling_functions_inform_only_when_abstentions_are_observed()
    {
        // Two sources that only ever vote "1" and one that only votes "0": their silences carry the signal.
        var (matrix, truth) = OneClassSources(seed: 3);
        var observed = Accuracy(new DawidSkeneLabelModel(), matrix, truth);
        var missing = Accuracy(new DawidSkeneLabelModel(new DawidSkeneOptions { AbstentionsObserved = false }), matrix, truth);
        Assert.True(observed > 0.85, $"observed abstentions: {observed}");
        Assert.True(missing < 0.7, $"missing abstentions: {missing}");
    }

    [Fact]
    public void Label_model_posteriors_equal_consensus_dawid_skene_on_the_full_matrix()
    {
        var (matrix, _) = OneClassSources(seed: 4);
        var rows = Enumerable.Range(0, matrix.Rows).Select(i => matrix.Row(i).ToArray().Select(c => (int)c).ToArray()).ToArray();
        var consensus = DawidSkene.Run(CrowdAnswers.FromMatrix(rows, 2), new ConsensusOptions { AbstentionsObserved = true, Smoothing = 1, MaxIterations = 200 });
        var model = new DawidSkeneLabelModel();
        model.Fit(matrix, 2);
        var probabilities = model.PredictProbabilities(matrix);
        for (var i = 0; i < matrix.Rows; i++)
            Assert.Equal(consensus.Posteriors[(i * 2) + 1], probabilities[i, 1], 1e-6);
    }

    private static (LabelMatrix Matrix, int[] Truth) OneClassSources(int seed)
    {
        var random = new Random(seed);
        var matrix = new LabelMatrix(3000, 3);
        var truth = new int[3000];
        for (var i = 0; i < truth.Length; i++)
        {
            truth[i] = random.NextDouble() < 0.4 ? 1 : 0;
            var spam = truth[i] == 1;
            matrix[i, 0] = random.NextDouble() < (spam ? 0.7 : 0.05) ? 1 : A;
            matrix[i, 1] = random.NextDouble() < (spam ? 0.6 : 0.1) ? 1 : A;
            matrix[i, 2] = random.NextDouble() < (spam ? 0.1 : 0.6) ? 0 : A;
        }
        return (matrix, truth);
    }

    private static double Accuracy(DawidSkeneLabelModel model, LabelMatrix matrix, int[] truth)
    {
        model.Fit(matrix, 2);
        return LabelModelScoring.Score(model.PredictProbabilities(matrix), matrix, truth, seed: 1).Accuracy;
    }

    /// <summary>Items 0..n-1 first, then the extra copies of each weighted item.</summary>
    private static CrowdAnswers Expand(CrowdAnswers answers, double[] weights)
    {
        var extra = new List<int>();
        for (var i = 0; i < weights.Length; i++)
            extra.AddRange(Enumerable.Repeat(i, (int)weights[i] - 1));
        var items = new List<int>(answers.Items);
        var annotators = new List<int>(answers.Annotators);
        var labels = new List<int>(answers.Labels);
        for (var copy = 0; copy < extra.Count; copy++)
        {
            for (var a = 0; a < answers.Count; a++)
            {
                if (answers.Items[a] != extra[copy])
                    continue;
                items.Add(weights.Length + copy);
                annotators.Add(answers.Annotators[a]);
                labels.Add(answers.Labels[a]);
            }
        }
        return new CrowdAnswers([.. items], [.. annotators], [.. labels], weights.Length + extra.Count, answers.AnnotatorCount, answers.ClassCount);
    }
}
