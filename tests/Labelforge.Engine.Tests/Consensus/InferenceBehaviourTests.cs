using Labelforge.Engine.Consensus;
using Labelforge.Engine.Synthetic;

namespace Labelforge.Engine.Tests.Consensus;

public class InferenceBehaviourTests
{
    private static readonly int A = LabelIndex.Abstain;

    [Fact]
    public void Majority_vote_tie_breaking_lowest_abstain_and_seeded_random()
    {
        // Ten items each with one vote for 0 and one for 1.
        var rows = Enumerable.Range(0, 10).Select(_ => new[] { 1, 0 }).ToArray();
        var answers = CrowdAnswers.FromMatrix(rows, 2);
        Assert.All(MajorityVote.Run(answers, new ConsensusOptions { TieBreak = TieBreak.Lowest }).Labels, l => Assert.Equal(0, l));
        Assert.All(MajorityVote.Run(answers, new ConsensusOptions { TieBreak = TieBreak.Abstain }).Labels, l => Assert.Equal(A, l));
        var random = MajorityVote.Run(answers, new ConsensusOptions { TieBreak = TieBreak.Random, Seed = 3 }).Labels;
        Assert.Contains(0, random);
        Assert.Contains(1, random);
        Assert.Equal(random, MajorityVote.Run(answers, new ConsensusOptions { TieBreak = TieBreak.Random, Seed = 3 }).Labels);
    }

    [Fact]
    public void Dense_matrix_with_abstains_converts_to_the_same_answers()
    {
        var dense = new[,] { { 0, A, 1 }, { A, A, A }, { 2, 2, A } };
        var jagged = new[] { new[] { 0, A, 1 }, new[] { A, A, A }, new[] { 2, 2 } };
        var fromDense = CrowdAnswers.FromMatrix(dense, 3);
        var fromJagged = CrowdAnswers.FromMatrix(jagged, 3);
        Assert.Equal(4, fromDense.Count);
        Assert.Equal([0, 0, 2, 2], fromDense.Items);
        Assert.Equal([0, 2, 0, 1], fromDense.Annotators);
        Assert.Equal([0, 1, 2, 2], fromDense.Labels);
        Assert.Equal(fromDense.Labels, fromJagged.Labels);
        Assert.Equal(3, fromJagged.AnnotatorCount);
        var result = DawidSkene.Run(fromDense);
        Assert.Equal(A, result.Labels[1]);
        Assert.Equal(2, result.Labels[2]);
    }

    [Fact]
    public void Gold_items_are_clamped_and_teach_annotator_quality()
    {
        // Annotator 1 always says the opposite of annotator 0; only gold can tell which one is right.
        var rows = Enumerable.Range(0, 40).Select(i => new[] { i % 2, 1 - (i % 2) }).ToArray();
        var answers = CrowdAnswers.FromMatrix(rows, 2);
        var gold = Enumerable.Repeat(A, 40).ToArray();
        for (var i = 0; i < 10; i++)
            gold[i] = 1 - (i % 2);
        foreach (var method in Enum.GetValues<ConsensusMethod>().Where(m => m != ConsensusMethod.MajorityVote && m != ConsensusMethod.WeightedMajorityVote))
        {
            var result = ConsensusInference.Run(method, answers, new ConsensusOptions { Gold = gold });
            for (var i = 0; i < 10; i++)
                Assert.Equal(1.0, result.Posteriors[(i * 2) + gold[i]], 12);
            for (var i = 10; i < 40; i++)
                Assert.True(result.Labels[i] == 1 - (i % 2), $"{method} item {i}");
        }
    }

    [Fact]
    public void One_annotator_single_class_and_empty_input()
    {
        var lone = CrowdAnswers.FromMatrix(new[,] { { 1 }, { 0 }, { 1 } }, 2);
        foreach (var method in Enum.GetValues<ConsensusMethod>())
            Assert.True(ConsensusInference.Run(method, lone).Labels.SequenceEqual([1, 0, 1]), method.ToString());

        var oneClass = CrowdAnswers.FromMatrix(new[,] { { 0, 0 }, { 0, A } }, 1);
        foreach (var method in Enum.GetValues<ConsensusMethod>())
        {
            var result = ConsensusInference.Run(method, oneClass);
            Assert.Equal([0, 0], result.Labels);
            Assert.All(result.Posteriors, p => Assert.Equal(1.0, p, 12));
        }

        var empty = new CrowdAnswers([], [], [], 2, 0, 2);
        foreach (var method in Enum.GetValues<ConsensusMethod>())
            Assert.Equal([A, A], ConsensusInference.Run(method, empty).Labels);
    }

    [Fact]
    public void Weighted_vote_follows_given_weights()
    {
        var answers = CrowdAnswers.FromMatrix(new[,] { { 0, 1, 1 } }, 2);
        Assert.Equal(1, WeightedMajorityVote.Run(answers).Labels[0]);
        var result = WeightedMajorityVote.Run(answers, new ConsensusOptions { AnnotatorWeights = [3, 1, 1] });
        Assert.Equal(0, result.Labels[0]);
        Assert.Equal(Math.Exp(3) / (Math.Exp(3) + Math.Exp(2)), result.Confidence(0), 12);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrowdAnswers([0], [0], [2], 1, 1, 2));
        Assert.Throws<ArgumentException>(() => new CrowdAnswers([0, 0], [0], [0], 1, 1, 2));
        var answers = CrowdAnswers.FromMatrix(new[,] { { 0 } }, 2);
        Assert.Throws<ArgumentException>(() => DawidSkene.Run(answers, new ConsensusOptions { Gold = [0, 1] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DawidSkene.Run(answers, new ConsensusOptions { Gold = [5] }));
    }

    [Fact]
    public void Fixed_class_priors_are_kept_and_checked()
    {
        var crowd = SyntheticCrowd.Generate(new SyntheticCrowdOptions { ItemCount = 300, ClassCount = 2, Seed = 8 });
        foreach (var method in new[] { ConsensusMethod.DawidSkene, ConsensusMethod.OneCoin, ConsensusMethod.Glad, ConsensusMethod.Mace })
        {
            var result = ConsensusInference.Run(method, crowd.Answers, new ConsensusOptions { ClassPriors = [3, 1] });
            Assert.Equal([0.75, 0.25], result.ClassPriors);
            Assert.Throws<ArgumentException>(() => ConsensusInference.Run(method, crowd.Answers, new ConsensusOptions { ClassPriors = [1, 0] }));
        }
    }

    [Fact]
    public void Dawid_skene_counts_agree_whether_summed_by_item_or_by_annotator()
    {
        var crowd = SyntheticCrowd.Generate(new SyntheticCrowdOptions { ItemCount = 9000, AnnotatorCount = 40, ClassCount = 3, Seed = 12 });
        var posteriors = MajorityVote.Run(crowd.Answers).Posteriors;
        var byItem = new double[40 * 9];
        var byAnnotator = new double[40 * 9];
        DawidSkene.Count(crowd.Answers, posteriors, byItem, new ConsensusOptions(), byItem: true);
        DawidSkene.Count(crowd.Answers, posteriors, byAnnotator, new ConsensusOptions(), byItem: false);
        for (var j = 0; j < byItem.Length; j++)
            Assert.Equal(byAnnotator[j], byItem[j], 1e-9);
        Assert.Equal(crowd.Answers.Count, byItem.Sum(), 1e-6);
    }

    [Fact]
    public void Mace_random_restarts_keep_the_best_likelihood()
    {
        var crowd = SyntheticCrowd.Generate(new SyntheticCrowdOptions { ItemCount = 500, AnnotatorCount = 15, ClassCount = 3, Seed = 2 });
        var single = Mace.Run(crowd.Answers);
        var restarted = Mace.Run(crowd.Answers, new ConsensusOptions { RandomRestarts = 3, Seed = 1 });
        Assert.True(restarted.LogLikelihoodHistory[^1] >= single.LogLikelihoodHistory[^1]);
        Assert.True(crowd.Accuracy(restarted.Labels) > 0.85);
    }
}
