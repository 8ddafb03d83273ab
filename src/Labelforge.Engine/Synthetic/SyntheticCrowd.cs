using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Synthetic;

/// <summary>A generated crowd with known truth: the answers, the true label of every item and who each annotator is.</summary>
public sealed class SyntheticCrowd
{
    internal SyntheticCrowd(CrowdAnswers answers, int[] truth, double[] accuracy, SyntheticAnnotatorKind[] kinds)
    {
        Answers = answers;
        Truth = truth;
        AnnotatorAccuracy = accuracy;
        AnnotatorKinds = kinds;
    }

    /// <summary>The answers (item, annotator, label).</summary>
    public CrowdAnswers Answers { get; }

    /// <summary>The true label of each item.</summary>
    public int[] Truth { get; }

    /// <summary>Probability each annotator answers correctly (1/K for spammers, the prior of its label for constant annotators).</summary>
    public double[] AnnotatorAccuracy { get; }

    /// <summary>How each annotator answers.</summary>
    public SyntheticAnnotatorKind[] AnnotatorKinds { get; }

    /// <summary>Share of items whose label in <paramref name="labels"/> equals the truth (Abstain counts as wrong).</summary>
    public double Accuracy(int[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var right = 0;
        for (var i = 0; i < Truth.Length; i++)
        {
            if (labels[i] == Truth[i])
                right++;
        }
        return Truth.Length == 0 ? double.NaN : (double)right / Truth.Length;
    }

    /// <summary>
    /// Generates a crowd: true labels from the class priors, each item answered by
    /// <see cref="SyntheticCrowdOptions.AnswersPerItem"/> distinct annotators chosen uniformly, each answering per its kind.
    /// Deterministic for a given seed.
    /// </summary>
    public static SyntheticCrowd Generate(SyntheticCrowdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int n = options.ItemCount, m = options.AnnotatorCount, k = options.ClassCount, r = options.AnswersPerItem;
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(r, m);
        var random = new Random(options.Seed);
        var (kinds, accuracy, constantLabel) = MakeAnnotators(options, random);
        var truth = DrawTruth(n, k, options.ClassPriors, random);
        var items = new int[n * r];
        var annotators = new int[n * r];
        var labels = new int[n * r];
        var chosen = new int[r];
        for (var i = 0; i < n; i++)
        {
            PickDistinct(chosen, m, random);
            for (var j = 0; j < r; j++)
            {
                var a = (i * r) + j;
                var w = chosen[j];
                items[a] = i;
                annotators[a] = w;
                labels[a] = Answer(kinds[w], accuracy[w], constantLabel[w], truth[i], k, random);
            }
        }
        for (var w = 0; w < m; w++)
        {
            if (kinds[w] == SyntheticAnnotatorKind.Spammer)
                accuracy[w] = 1.0 / k;
        }
        return new SyntheticCrowd(new CrowdAnswers(items, annotators, labels, n, m, k), truth, accuracy, kinds);
    }

    private static (SyntheticAnnotatorKind[] Kinds, double[] Accuracy, int[] ConstantLabel) MakeAnnotators(SyntheticCrowdOptions options, Random random)
    {
        int m = options.AnnotatorCount, k = options.ClassCount;
        var kinds = new SyntheticAnnotatorKind[m];
        var accuracy = new double[m];
        var constant = new int[m];
        var spammers = (int)Math.Round(options.SpammerFraction * m);
        var constants = (int)Math.Round(options.ConstantFraction * m);
        for (var w = 0; w < m; w++)
        {
            accuracy[w] = options.MinAccuracy + ((options.MaxAccuracy - options.MinAccuracy) * random.NextDouble());
            constant[w] = random.Next(k);
            kinds[w] = w < spammers ? SyntheticAnnotatorKind.Spammer
                : w < spammers + constants ? SyntheticAnnotatorKind.Constant
                : random.NextDouble() < options.BiasedFraction ? SyntheticAnnotatorKind.Biased
                : SyntheticAnnotatorKind.Honest;
            if (kinds[w] == SyntheticAnnotatorKind.Constant)
                accuracy[w] = options.ClassPriors?[constant[w]] ?? 1.0 / k;
        }
        // Shuffle so annotator ids do not reveal the kind.
        for (var w = m - 1; w > 0; w--)
        {
            var o = random.Next(w + 1);
            (kinds[w], kinds[o]) = (kinds[o], kinds[w]);
            (accuracy[w], accuracy[o]) = (accuracy[o], accuracy[w]);
            (constant[w], constant[o]) = (constant[o], constant[w]);
        }
        return (kinds, accuracy, constant);
    }

    private static int[] DrawTruth(int n, int k, double[]? priors, Random random)
    {
        var truth = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (priors is null)
            {
                truth[i] = random.Next(k);
                continue;
            }
            var u = random.NextDouble();
            var c = 0;
            for (; c < k - 1 && u >= priors[c]; c++)
                u -= priors[c];
            truth[i] = c;
        }
        return truth;
    }

    private static void PickDistinct(int[] chosen, int m, Random random)
    {
        for (var j = 0; j < chosen.Length; j++)
        {
            int w;
            do
            {
                w = random.Next(m);
            }
            while (Array.IndexOf(chosen, w, 0, j) >= 0);
            chosen[j] = w;
        }
    }

    private static int Answer(SyntheticAnnotatorKind kind, double accuracy, int constantLabel, int truth, int k, Random random)
    {
        switch (kind)
        {
            case SyntheticAnnotatorKind.Spammer:
                return random.Next(k);
            case SyntheticAnnotatorKind.Constant:
                return constantLabel;
        }
        if (k == 1 || random.NextDouble() < accuracy)
            return truth;
        if (kind == SyntheticAnnotatorKind.Biased)
            return (truth + 1) % k;
        var wrong = random.Next(k - 1);
        return wrong >= truth ? wrong + 1 : wrong;
    }
}
