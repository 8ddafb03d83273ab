using System.Runtime.CompilerServices;

namespace Labelforge.Engine.Consensus;

/// <summary>Pieces every consensus method shares: vote-fraction starts, gold clamping, priors, arg-max.</summary>
internal static class InferenceMath
{
    /// <summary>Posterior start from vote fractions; items without answers start uniform. Gold is clamped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] VoteFractions(CrowdAnswers answers, int[]? gold)
    {
        int n = answers.ItemCount, k = answers.ClassCount;
        var t = new double[n * k];
        var index = answers.ByItem;
        for (var i = 0; i < n; i++)
        {
            int s = index.Start[i], e = index.Start[i + 1];
            var row = i * k;
            if (e == s)
            {
                for (var c = 0; c < k; c++)
                    t[row + c] = 1.0 / k;
                continue;
            }
            var w = 1.0 / (e - s);
            for (var p = s; p < e; p++)
                t[row + index.Label[p]] += w;
        }
        ClampGold(t, gold, k);
        return t;
    }

    public static void ClampGold(double[] posteriors, int[]? gold, int k)
    {
        if (gold is null)
            return;
        for (var i = 0; i < gold.Length; i++)
        {
            if (gold[i] == LabelIndex.Abstain)
                continue;
            Array.Clear(posteriors, i * k, k);
            posteriors[(i * k) + gold[i]] = 1;
        }
    }

    /// <summary>Gold label of an item, or Abstain when no gold was given.</summary>
    public static int GoldOf(int[]? gold, int item) => gold is null ? LabelIndex.Abstain : gold[item];

    public static void CheckGold(CrowdAnswers answers, int[]? gold)
    {
        if (gold is null)
            return;
        if (gold.Length != answers.ItemCount)
            throw new ArgumentException($"gold must have one entry per item ({answers.ItemCount}).", nameof(gold));
        foreach (var g in gold)
        {
            if (g != LabelIndex.Abstain && (uint)g >= (uint)answers.ClassCount)
                throw new ArgumentOutOfRangeException(nameof(gold), g, "gold labels must be Abstain or 0..ClassCount-1.");
        }
    }

    /// <summary>The fixed priors of the options when given (checked), else the smoothed estimate from the posteriors.</summary>
    public static double[] PriorsFor(ConsensusOptions options, double smoothing, double[] posteriors, int n, int k, double[]? weights = null)
    {
        if (options.ClassPriors is not { } fixedPriors)
            return Priors(posteriors, n, k, smoothing, weights);
        if (fixedPriors.Length != k || fixedPriors.Any(p => !(p > 0)))
            throw new ArgumentException($"ClassPriors needs {k} positive values.", nameof(options));
        var total = fixedPriors.Sum();
        return [.. fixedPriors.Select(p => p / total)];
    }

    /// <summary>
    /// Smoothed class priors from the current posteriors: (sum_i w_i T_ik + s) / (sum_i w_i + K s), where item i
    /// stands for w_i identical items (null weights: 1 each).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] Priors(double[] posteriors, int n, int k, double smoothing, double[]? weights = null)
    {
        var priors = new double[k];
        var items = weights is null ? n : 0.0;
        for (var i = 0; i < n; i++)
        {
            var weight = weights is null ? 1.0 : weights[i];
            if (weights is not null)
                items += weight;
            for (var c = 0; c < k; c++)
                priors[c] += posteriors[(i * k) + c] * weight;
        }
        var total = items + (k * smoothing);
        for (var c = 0; c < k; c++)
            priors[c] = (priors[c] + smoothing) / total;
        return priors;
    }

    /// <summary>Turns a row of log-scores into probabilities in place; returns log(sum(exp(scores))).</summary>
    public static double NormalizeLog(Span<double> row)
    {
        var max = double.NegativeInfinity;
        foreach (var v in row)
            max = Math.Max(max, v);
        var sum = 0.0;
        for (var c = 0; c < row.Length; c++)
        {
            row[c] = Math.Exp(row[c] - max);
            sum += row[c];
        }
        var inv = 1.0 / sum;
        for (var c = 0; c < row.Length; c++)
            row[c] *= inv;
        return max + Math.Log(sum);
    }

    /// <summary>Arg-max label per item (lowest index on exact ties); Abstain for items with neither answers nor gold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] ArgMax(double[] posteriors, CrowdAnswers answers, int[]? gold)
    {
        int n = answers.ItemCount, k = answers.ClassCount;
        var labels = new int[n];
        var start = answers.ByItem.Start;
        for (var i = 0; i < n; i++)
        {
            if (start[i + 1] == start[i] && GoldOf(gold, i) == LabelIndex.Abstain)
            {
                labels[i] = LabelIndex.Abstain;
                continue;
            }
            var best = 0;
            for (var c = 1; c < k; c++)
            {
                if (posteriors[(i * k) + c] > posteriors[(i * k) + best])
                    best = c;
            }
            labels[i] = best;
        }
        return labels;
    }

    public static bool HasConverged(double previous, double current, double tolerance) =>
        Math.Abs(current - previous) <= tolerance * Math.Max(1.0, Math.Abs(current));

    /// <summary>Share of each annotator's answers that equal the chosen label of the item (answers on Abstain items skipped).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] AgreementWithLabels(CrowdAnswers answers, int[] labels)
    {
        var hits = new double[answers.AnnotatorCount];
        var total = new double[answers.AnnotatorCount];
        for (var a = 0; a < answers.Count; a++)
        {
            var chosen = labels[answers.Items[a]];
            if (chosen == LabelIndex.Abstain)
                continue;
            total[answers.Annotators[a]]++;
            if (answers.Labels[a] == chosen)
                hits[answers.Annotators[a]]++;
        }
        for (var w = 0; w < hits.Length; w++)
            hits[w] = total[w] > 0 ? hits[w] / total[w] : double.NaN;
        return hits;
    }
}
