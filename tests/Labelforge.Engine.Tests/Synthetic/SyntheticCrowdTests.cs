using Labelforge.Engine.Synthetic;

namespace Labelforge.Engine.Tests.Synthetic;

public class SyntheticCrowdTests
{
    [Fact]
    public void Generator_is_deterministic_per_seed()
    {
        var options = new SyntheticCrowdOptions { ItemCount = 100, Seed = 5 };
        Assert.Equal(SyntheticCrowd.Generate(options).Answers.Labels, SyntheticCrowd.Generate(options).Answers.Labels);
        var other = SyntheticCrowd.Generate(new SyntheticCrowdOptions { ItemCount = 100, Seed = 6 });
        Assert.NotEqual(SyntheticCrowd.Generate(options).Answers.Labels, other.Answers.Labels);
    }

    [Fact]
    public void Each_item_gets_distinct_annotators_and_honest_annotators_hit_their_accuracy()
    {
        var crowd = SyntheticCrowd.Generate(new SyntheticCrowdOptions
        {
            ItemCount = 20000, AnnotatorCount = 10, ClassCount = 3, AnswersPerItem = 4, SpammerFraction = 0.2, Seed = 1,
        });
        var answers = crowd.Answers;
        Assert.Equal(80000, answers.Count);
        for (var i = 0; i < 100; i++)
            Assert.Equal(4, Enumerable.Range(i * 4, 4).Select(a => answers.Annotators[a]).Distinct().Count());
        Assert.Equal(2, crowd.AnnotatorKinds.Count(k => k == SyntheticAnnotatorKind.Spammer));
        for (var w = 0; w < 10; w++)
        {
            var mine = Enumerable.Range(0, answers.Count).Where(a => answers.Annotators[a] == w).ToList();
            var observed = mine.Count(a => answers.Labels[a] == crowd.Truth[answers.Items[a]]) / (double)mine.Count;
            Assert.Equal(crowd.AnnotatorAccuracy[w], observed, 0.03);
        }
    }

    [Fact]
    public void Constant_annotators_always_give_one_label_and_priors_shape_the_truth()
    {
        var crowd = SyntheticCrowd.Generate(new SyntheticCrowdOptions
        {
            ItemCount = 5000, AnnotatorCount = 10, ClassCount = 2, SpammerFraction = 0, ConstantFraction = 0.3, ClassPriors = [0.8, 0.2], Seed = 2,
        });
        Assert.Equal(0.8, crowd.Truth.Count(t => t == 0) / 5000.0, 0.02);
        for (var w = 0; w < 10; w++)
        {
            if (crowd.AnnotatorKinds[w] != SyntheticAnnotatorKind.Constant)
                continue;
            var labels = Enumerable.Range(0, crowd.Answers.Count).Where(a => crowd.Answers.Annotators[a] == w).Select(a => crowd.Answers.Labels[a]).Distinct();
            Assert.Single(labels);
        }
        Assert.Equal(3, crowd.AnnotatorKinds.Count(k => k == SyntheticAnnotatorKind.Constant));
    }
}
