using Labelforge.Engine.Consensus;
using Labelforge.Engine.Synthetic;

namespace Labelforge.Engine.Tests.Consensus;

/// <summary>Seeded synthetic crowds with known truth: every model must recover it, and the richer models must beat the vote where they should.</summary>
public class SyntheticRecoveryTests
{
    private static readonly SyntheticCrowd Biased = SyntheticCrowd.Generate(new SyntheticCrowdOptions
    {
        ItemCount = 3000, AnnotatorCount = 30, ClassCount = 3, AnswersPerItem = 5,
        MinAccuracy = 0.55, MaxAccuracy = 0.9, SpammerFraction = 0.2, BiasedFraction = 0.5, Seed = 11,
    });

    [Theory]
    [InlineData(ConsensusMethod.MajorityVote, 0.80)]
    [InlineData(ConsensusMethod.WeightedMajorityVote, 0.80)]
    [InlineData(ConsensusMethod.DawidSkene, 0.88)]
    [InlineData(ConsensusMethod.OneCoin, 0.82)]
    [InlineData(ConsensusMethod.Glad, 0.82)]
    [InlineData(ConsensusMethod.Mace, 0.82)]
    public void Every_method_recovers_most_of_the_truth(ConsensusMethod method, double atLeast)
    {
        var result = ConsensusInference.Run(method, Biased.Answers);
        Assert.True(Biased.Accuracy(result.Labels) >= atLeast, $"{method}: {Biased.Accuracy(result.Labels):F4}");
        Assert.Equal(Biased.Answers.ItemCount * 3, result.Posteriors.Length);
        for (var i = 0; i < 50; i++)
            Assert.Equal(1.0, result.Posteriors.AsSpan(i * 3, 3).ToArray().Sum(), 9);
    }

    [Fact]
    public void Dawid_skene_beats_majority_vote_when_annotators_are_biased()
    {
        var mv = Biased.Accuracy(MajorityVote.Run(Biased.Answers).Labels);
        var ds = Biased.Accuracy(DawidSkene.Run(Biased.Answers).Labels);
        Assert.True(ds > mv + 0.03, $"DS {ds:F4} vs MV {mv:F4}");
    }

    [Fact]
    public void Dawid_skene_estimates_annotator_accuracy_and_converges()
    {
        var result = DawidSkene.Run(Biased.Answers);
        Assert.True(result.Converged);
        Assert.True(result.Iterations < 100);
        Assert.True(result.LogLikelihoodHistory[^1] > result.LogLikelihoodHistory[0]);
        for (var w = 0; w < Biased.AnnotatorAccuracy.Length; w++)
            Assert.Equal(Biased.AnnotatorAccuracy[w], result.AnnotatorSkill[w], 0.08);
        Assert.NotNull(result.AnnotatorConfusion);
        Assert.Equal(30 * 9, result.AnnotatorConfusion.Length);
    }

    [Fact]
    public void Symmetric_models_rank_spammers_below_honest_annotators()
    {
        foreach (var method in new[] { ConsensusMethod.OneCoin, ConsensusMethod.Glad, ConsensusMethod.Mace })
        {
            var skill = ConsensusInference.Run(method, Biased.Answers).AnnotatorSkill;
            var spammers = Enumerable.Range(0, 30).Where(w => Biased.AnnotatorKinds[w] == SyntheticAnnotatorKind.Spammer).Select(w => skill[w]);
            var honest = Enumerable.Range(0, 30).Where(w => Biased.AnnotatorKinds[w] == SyntheticAnnotatorKind.Honest).Select(w => skill[w]);
            Assert.True(spammers.Max() < honest.Min(), method.ToString());
        }
    }

    [Fact]
    public void Glad_gives_adversarial_annotators_negative_ability()
    {
        var crowd = SyntheticCrowd.Generate(new SyntheticCrowdOptions
        {
            ItemCount = 2000, AnnotatorCount = 10, ClassCount = 2, AnswersPerItem = 7,
            MinAccuracy = 0.75, MaxAccuracy = 0.9, SpammerFraction = 0, BiasedFraction = 0, Seed = 4,
        });
        // Flip every answer of annotator 0: it becomes an adversary with accuracy 1 - p.
        var labels = (int[])crowd.Answers.Labels.Clone();
        for (var a = 0; a < labels.Length; a++)
        {
            if (crowd.Answers.Annotators[a] == 0)
                labels[a] = 1 - labels[a];
        }
        var answers = new CrowdAnswers(crowd.Answers.Items, crowd.Answers.Annotators, labels, 2000, 10, 2);
        var result = Glad.Run(answers);
        Assert.True(result.AnnotatorSkill[0] < 0, $"alpha_0 = {result.AnnotatorSkill[0]}");
        Assert.All(result.AnnotatorSkill.Skip(1), alpha => Assert.True(alpha > 0));
        Assert.NotNull(result.ItemDifficulty);
        Assert.True(crowd.Accuracy(result.Labels) > 0.95);
    }

    [Fact]
    public void Results_are_identical_sequential_and_parallel()
    {
        var big = SyntheticCrowd.Generate(new SyntheticCrowdOptions { ItemCount = 8000, AnnotatorCount = 50, ClassCount = 4, Seed = 9 });
        foreach (var method in Enum.GetValues<ConsensusMethod>())
        {
            var one = ConsensusInference.Run(method, big.Answers, new ConsensusOptions { MaxDegreeOfParallelism = 1 });
            var many = ConsensusInference.Run(method, big.Answers, new ConsensusOptions { MaxDegreeOfParallelism = 4 });
            Assert.Equal(one.Labels, many.Labels);
            Assert.Equal(one.LogLikelihoodHistory, many.LogLikelihoodHistory);
        }
    }
}
