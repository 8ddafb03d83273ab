using System.Runtime.CompilerServices;

namespace Labelforge.Engine.Consensus;

/// <summary>
/// Dawid-Skene (Dawid and Skene 1979, "Maximum likelihood estimation of observer error-rates using the EM
/// algorithm"): every annotator j has a full confusion matrix <c>pi_j[k,l] = P(answer l | true k)</c>, the
/// true labels have priors <c>rho_k</c>, and EM alternates
/// <list type="bullet">
/// <item>M-step: <c>pi_j[k,l] = (sum_{i: j answered l} T_ik + s) / (sum_{i answered by j} T_ik + K s)</c>,
/// <c>rho_k = (sum_i T_ik + s) / (n + K s)</c> with smoothing s;</item>
/// <item>E-step: <c>T_ik ∝ rho_k prod_{(i,j,l)} pi_j[k,l]</c>,</item>
/// </list>
/// starting from vote fractions (majority-vote posteriors) with one M-step, until the marginal log-likelihood
/// <c>sum_i ln sum_k rho_k prod pi</c> stops improving. Annotator skill is <c>sum_k rho_k pi_j[k,k]</c>, the
/// expected accuracy.
/// </summary>
/// <remarks>
/// <para>Smoothing 0 is maximum likelihood exactly as crowd-kit 1.4.1's <c>DawidSkene</c> runs it, so its
/// posteriors reproduce that library's item by item: every count of a label the annotator gave is floored at
/// <see cref="DawidSkeneModel.CountFloor"/> (1e-10) before normalising, and EM stops at the first iteration whose
/// evidence lower bound per answer (<see cref="DawidSkeneBound"/>) gains less than the tolerance (1e-5), a
/// decrease included. With smoothing s &gt; 0 the M-step is the Dirichlet posterior mean and EM runs until the
/// marginal log-likelihood changes by less than the relative tolerance.</para>
/// <para>A missing answer is missing (crowd annotators see a subset of the items). With
/// <see cref="ConsensusOptions.AbstentionsObserved"/> every annotator saw every item, so "no answer" is an
/// observed outcome <c>l = K</c> with its own column <c>pi_j[k,K]</c>, as for labeling functions; the sums
/// then run over all items and the E-step adds <c>ln pi_j[k,K]</c> for each annotator that did not answer.
/// This is the one Dawid-Skene of the engine: the weak-supervision label model runs it over the distinct
/// rows of a label matrix, each weighted by how many items share it.</para>
/// </remarks>
public static class DawidSkene
{
    /// <summary>Smoothing when the options leave it null: 0, the reference algorithm (see docs/consensus.md for the measurements).</summary>
    public const double DefaultSmoothing = 0;

    /// <summary>Runs Dawid-Skene EM.</summary>
    public static ConsensusResult Run(CrowdAnswers answers, ConsensusOptions? options = null) =>
        Run(answers, options, itemWeights: null);

    /// <summary>Runs EM where item i stands for <paramref name="itemWeights"/>[i] identical items (null: 1 each).</summary>
    internal static ConsensusResult Run(CrowdAnswers answers, ConsensusOptions? options, double[]? itemWeights)
    {
        ArgumentNullException.ThrowIfNull(answers);
        options ??= new ConsensusOptions();
        InferenceMath.CheckGold(answers, options.Gold);
        if (itemWeights is not null && itemWeights.Length != answers.ItemCount)
            throw new ArgumentException($"itemWeights needs one entry per item ({answers.ItemCount}).", nameof(itemWeights));
        int n = answers.ItemCount, k = answers.ClassCount;
        var posteriors = InferenceMath.VoteFractions(answers, options.Gold);
        var model = new DawidSkeneModel(answers.AnnotatorCount, k, options.AbstentionsObserved);
        var smoothing = options.Smoothing ?? DefaultSmoothing;
        var stopping = DawidSkeneStopping.For(options, smoothing);
        var history = new List<double>();
        var converged = false;
        double[] priors;
        while (true)
        {
            priors = InferenceMath.PriorsFor(options, smoothing, posteriors, n, k, itemWeights);
            model.Estimate(answers, posteriors, priors, itemWeights, options, smoothing);
            // The bound rule judges an E-step with the M-step after it (crowd-kit's order), so it ends on an M-step.
            if (stopping.OnBound && history.Count > 0
                && stopping.Stop(DawidSkeneBound.PerAnswer(answers, model, posteriors, priors, itemWeights)))
            {
                converged = true;
                break;
            }
            if (history.Count == options.MaxIterations)
                break;
            history.Add(model.Posteriors(answers, posteriors, itemWeights, options.Gold, options.MaxDegreeOfParallelism));
            if (stopping.OnBound)
                continue;
            converged = stopping.Stop(history[^1]);
            if (converged || history.Count == options.MaxIterations)
                break;
        }
        return new ConsensusResult
        {
            Method = "dawid-skene",
            ClassCount = k,
            Posteriors = posteriors,
            Labels = InferenceMath.ArgMax(posteriors, answers, options.Gold),
            ClassPriors = priors,
            AnnotatorSkill = ExpectedAccuracy(model.Confusion, priors, answers.AnnotatorCount, k, model.Outcomes),
            AnnotatorConfusion = model.Confusion,
            Iterations = history.Count,
            Converged = converged,
            LogLikelihoodHistory = [.. history],
        };
    }

    /// <summary>
    /// Posteriors of new items under a fitted result (its priors and confusion matrices, no EM), written as
    /// <c>[i * K + k]</c>; <paramref name="abstentionsObserved"/> must match the fit.
    /// </summary>
    internal static double[] Predict(CrowdAnswers answers, ConsensusResult fitted, bool abstentionsObserved, int maxParallelism)
    {
        var confusion = fitted.AnnotatorConfusion ?? throw new ArgumentException("not a Dawid-Skene result", nameof(fitted));
        var model = new DawidSkeneModel(answers.AnnotatorCount, answers.ClassCount, abstentionsObserved);
        model.Load(confusion, fitted.ClassPriors);
        var posteriors = new double[answers.ItemCount * answers.ClassCount];
        model.Posteriors(answers, posteriors, weights: null, gold: null, maxParallelism);
        return posteriors;
    }

    /// <summary>
    /// Per-chunk count tables are used while they stay small (at most this many doubles in all): summing
    /// in item order reads the posteriors sequentially, which beats the random reads of a per-annotator pass.
    /// </summary>
    private const long MaxChunkTableCells = 1 << 22;

    /// <summary>Whether <see cref="Count"/> should sum by item (small tables) rather than by annotator.</summary>
    internal static bool CountByItemFits(CrowdAnswers answers) =>
        (long)ParallelRange.ChunkCount(answers.ItemCount) * answers.AnnotatorCount * answers.ClassCount * answers.ClassCount <= MaxChunkTableCells;

    /// <summary>
    /// Expected confusion counts <c>sum_i w_i T_ik [j answered l]</c> at <c>[(j*K + k)*K + l]</c>, summed in item
    /// order (<paramref name="byItem"/>) or annotator by annotator; <paramref name="weights"/> null means 1 per item.
    /// </summary>
    internal static void Count(CrowdAnswers answers, double[] posteriors, double[] counts, ConsensusOptions options, bool byItem, double[]? weights = null)
    {
        if (byItem)
            CountByItem(answers, posteriors, counts, options, weights);
        else
            CountByAnnotator(answers, posteriors, counts, options, weights);
    }

    private static void CountByItem(CrowdAnswers answers, double[] posteriors, double[] counts, ConsensusOptions options, double[]? weights)
    {
        int k = answers.ClassCount, table = answers.AnnotatorCount * k * k, kk = k * k;
        var chunks = ParallelRange.ChunkCount(answers.ItemCount);
        var partial = new double[chunks * table];
        var index = answers.ByItem;
        ParallelRange.ForChunks(answers.ItemCount, options.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (chunk, from, to) =>
        {
            var mine = partial.AsSpan(chunk * table, table);
            Span<double> weighted = stackalloc double[k];
            for (var i = from; i < to; i++)
            {
                var weight = weights is null ? 1.0 : weights[i];
                for (var c = 0; c < k; c++)
                    weighted[c] = posteriors[(i * k) + c] * weight;
                for (var p = index.Start[i]; p < index.Start[i + 1]; p++)
                {
                    var cell = mine.Slice((index.Other[p] * kk) + index.Label[p]);
                    for (var c = 0; c < weighted.Length; c++)
                        cell[c * k] += weighted[c];
                }
            }
        });
        Array.Copy(partial, counts, table);
        for (var chunk = 1; chunk < chunks; chunk++)
        {
            var source = partial.AsSpan(chunk * table, table);
            for (var j = 0; j < table; j++)
                counts[j] += source[j];
        }
    }

    /// <summary>The same counts, one annotator at a time (no per-chunk tables; for very many annotators).</summary>
    private static void CountByAnnotator(CrowdAnswers answers, double[] posteriors, double[] counts, ConsensusOptions options, double[]? weights)
    {
        var k = answers.ClassCount;
        var index = answers.ByAnnotator;
        ParallelRange.For(answers.AnnotatorCount, options.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            for (var w = from; w < to; w++)
            {
                var mine = counts.AsSpan(w * k * k, k * k);
                mine.Clear();
                for (var p = index.Start[w]; p < index.Start[w + 1]; p++)
                {
                    var item = index.Other[p];
                    var t = item * k;
                    var l = index.Label[p];
                    var weight = weights is null ? 1.0 : weights[item];
                    for (var c = 0; c < k; c++)
                        mine[(c * k) + l] += posteriors[t + c] * weight;
                }
            }
        });
    }

    private static double[] ExpectedAccuracy(double[] confusion, double[] priors, int m, int k, int outcomes)
    {
        var skill = new double[m];
        for (var w = 0; w < m; w++)
        {
            for (var c = 0; c < k; c++)
                skill[w] += priors[c] * confusion[(((w * k) + c) * outcomes) + c];
        }
        return skill;
    }
}
