namespace Labelforge.Engine.Overlap;

/// <summary>
/// The adaptive-overlap rule: how many annotators an item needs, decided again after each of its labels. The posterior
/// is a one-coin model on the item alone: annotator a is right with probability p_a and otherwise picks one of the
/// other K - 1 classes uniformly, classes are a priori equally likely, so P(y = c | answers) is proportional to the
/// product over answers of p_a (answer c) or (1 - p_a) / (K - 1) (another answer). It reads only the item's own
/// labels and the annotators' accuracy estimates, so a submission recomputes it for that item alone.
/// </summary>
public static class AdaptiveOverlap
{
    /// <summary>
    /// The posterior of the most likely class given the answers (<paramref name="answers"/>[i] by an annotator of
    /// accuracy <paramref name="accuracy"/>[i], classes as any integers), and that class; no answers gives 1/K and -1.
    /// Accuracies are clamped to (1/K, 0.999] so a weak estimate never inverts a vote.
    /// </summary>
    public static (int Label, double Posterior) Posterior(ReadOnlySpan<int> answers, ReadOnlySpan<double> accuracy, int classCount)
    {
        if (answers.Length != accuracy.Length)
            throw new ArgumentException("one accuracy per answer", nameof(accuracy));
        var k = Math.Max(2, classCount);
        if (answers.Length == 0)
            return (-1, 1.0 / k);
        var distinct = new List<int>(answers.Length);
        foreach (var a in answers)
        {
            if (!distinct.Contains(a))
                distinct.Add(a);
        }
        // Log-likelihood of each observed class, and of any one class nobody answered.
        var logs = new double[distinct.Count];
        var unseen = 0.0;
        for (var i = 0; i < answers.Length; i++)
        {
            var p = Math.Clamp(accuracy[i], (1.0 / k) + 1e-6, 0.999);
            var right = Math.Log(p);
            var wrong = Math.Log((1 - p) / (k - 1));
            unseen += wrong;
            for (var c = 0; c < distinct.Count; c++)
                logs[c] += distinct[c] == answers[i] ? right : wrong;
        }
        var best = 0;
        var max = unseen;
        for (var c = 0; c < logs.Length; c++)
            max = Math.Max(max, logs[c]);
        var total = Math.Max(0, k - distinct.Count) * Math.Exp(unseen - max);
        for (var c = 0; c < logs.Length; c++)
        {
            total += Math.Exp(logs[c] - max);
            if (logs[c] > logs[best])
                best = c;
        }
        return (distinct[best], Math.Exp(logs[best] - max) / total);
    }

    /// <summary>
    /// Annotators the item needs after <paramref name="labels"/> distinct annotators labeled it: at least
    /// <paramref name="min"/>; then one more while the posterior is below <paramref name="target"/>, up to <paramref name="max"/>.
    /// </summary>
    public static int Needed(int labels, double posterior, int min, int max, double target)
    {
        if (labels < min)
            return min;
        if (labels >= max || posterior >= target)
            return labels;
        return labels + 1;
    }

    /// <summary>An annotator's accuracy estimate from gold answers: a Beta prior of <paramref name="priorWeight"/> answers at <paramref name="prior"/>.</summary>
    public static double Accuracy(int correct, int answered, double prior = DefaultPriorAccuracy, double priorWeight = DefaultPriorWeight) =>
        (correct + (prior * priorWeight)) / (answered + priorWeight);

    /// <summary>The accuracy an annotator is assumed to have before any gold answer.</summary>
    public const double DefaultPriorAccuracy = 0.75;

    /// <summary>How many gold answers the prior weighs as.</summary>
    public const double DefaultPriorWeight = 4;
}
