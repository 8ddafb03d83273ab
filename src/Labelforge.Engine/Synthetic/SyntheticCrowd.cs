using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Synthetic;

/// <summary>A generated crowd with known truth: the answers, the true label of every item and who each worker is.</summary>
public sealed class SyntheticCrowd
{
    internal SyntheticCrowd(CrowdAnswers answers, int[] truth, double[] accuracy, SyntheticWorkerKind[] kinds)
    {
        Answers = answers;
        Truth = truth;
        WorkerAccuracy = accuracy;
        WorkerKinds = kinds;
    }

    /// <summary>The answers (item, worker, label).</summary>
    public CrowdAnswers Answers { get; }

    /// <summary>The true label of each item.</summary>
    public int[] Truth { get; }

    /// <summary>Probability each worker answers correctly (1/K for spammers, the prior of its label for constant workers).</summary>
    public double[] WorkerAccuracy { get; }

    /// <summary>How each worker answers.</summary>
    public SyntheticWorkerKind[] WorkerKinds { get; }

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
    /// <see cref="SyntheticCrowdOptions.AnswersPerItem"/> distinct workers chosen uniformly, each answering per its kind.
    /// Deterministic for a given seed.
    /// </summary>
    public static SyntheticCrowd Generate(SyntheticCrowdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int n = options.ItemCount, m = options.WorkerCount, k = options.ClassCount, r = options.AnswersPerItem;
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(r, m);
        var random = new Random(options.Seed);
        var (kinds, accuracy, constantLabel) = MakeWorkers(options, random);
        var truth = DrawTruth(n, k, options.ClassPriors, random);
        var items = new int[n * r];
        var workers = new int[n * r];
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
                workers[a] = w;
                labels[a] = Answer(kinds[w], accuracy[w], constantLabel[w], truth[i], k, random);
            }
        }
        for (var w = 0; w < m; w++)
        {
            if (kinds[w] == SyntheticWorkerKind.Spammer)
                accuracy[w] = 1.0 / k;
        }
        return new SyntheticCrowd(new CrowdAnswers(items, workers, labels, n, m, k), truth, accuracy, kinds);
    }

    private static (SyntheticWorkerKind[] Kinds, double[] Accuracy, int[] ConstantLabel) MakeWorkers(SyntheticCrowdOptions options, Random random)
    {
        int m = options.WorkerCount, k = options.ClassCount;
        var kinds = new SyntheticWorkerKind[m];
        var accuracy = new double[m];
        var constant = new int[m];
        var spammers = (int)Math.Round(options.SpammerFraction * m);
        var constants = (int)Math.Round(options.ConstantFraction * m);
        for (var w = 0; w < m; w++)
        {
            accuracy[w] = options.MinAccuracy + ((options.MaxAccuracy - options.MinAccuracy) * random.NextDouble());
            constant[w] = random.Next(k);
            kinds[w] = w < spammers ? SyntheticWorkerKind.Spammer
                : w < spammers + constants ? SyntheticWorkerKind.Constant
                : random.NextDouble() < options.BiasedFraction ? SyntheticWorkerKind.Biased
                : SyntheticWorkerKind.Honest;
            if (kinds[w] == SyntheticWorkerKind.Constant)
                accuracy[w] = options.ClassPriors?[constant[w]] ?? 1.0 / k;
        }
        // Shuffle so worker ids do not reveal the kind.
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

    private static int Answer(SyntheticWorkerKind kind, double accuracy, int constantLabel, int truth, int k, Random random)
    {
        switch (kind)
        {
            case SyntheticWorkerKind.Spammer:
                return random.Next(k);
            case SyntheticWorkerKind.Constant:
                return constantLabel;
        }
        if (k == 1 || random.NextDouble() < accuracy)
            return truth;
        if (kind == SyntheticWorkerKind.Biased)
            return (truth + 1) % k;
        var wrong = random.Next(k - 1);
        return wrong >= truth ? wrong + 1 : wrong;
    }
}
