using System.Runtime.CompilerServices;

namespace Labelforge.Engine.Consensus;

/// <summary>
/// Dawid-Skene (Dawid and Skene 1979, "Maximum likelihood estimation of observer error-rates using the EM
/// algorithm"): every worker j has a full confusion matrix <c>pi_j[k,l] = P(answer l | true k)</c>, the
/// true labels have priors <c>rho_k</c>, and EM alternates
/// <list type="bullet">
/// <item>M-step: <c>pi_j[k,l] = (sum_{i: j answered l} T_ik + s) / (sum_{i answered by j} T_ik + K s)</c>,
/// <c>rho_k = (sum_i T_ik + s) / (n + K s)</c> with smoothing s;</item>
/// <item>E-step: <c>T_ik ∝ rho_k prod_{(i,j,l)} pi_j[k,l]</c>,</item>
/// </list>
/// starting from vote fractions, until the marginal log-likelihood <c>sum_i ln sum_k rho_k prod pi</c>
/// stops improving. Worker skill is <c>sum_k rho_k pi_j[k,k]</c>, the expected accuracy.
/// </summary>
public static class DawidSkene
{
    /// <summary>Runs Dawid-Skene EM.</summary>
    public static InferenceResult Run(CrowdAnswers answers, InferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        options ??= new InferenceOptions();
        InferenceMath.CheckGold(answers, options.Gold);
        int n = answers.ItemCount, k = answers.ClassCount, m = answers.WorkerCount;
        var posteriors = InferenceMath.VoteFractions(answers, options.Gold);
        var confusion = new double[m * k * k];
        var logLikelihood = new double[m * k * k];
        var priors = new double[k];
        var history = new List<double>();
        var converged = false;
        for (var iteration = 0; iteration < options.MaxIterations && !converged; iteration++)
        {
            priors = InferenceMath.PriorsFor(options, posteriors, n, k);
            MStep(answers, posteriors, confusion, logLikelihood, options);
            var ll = EStep(answers, posteriors, priors, logLikelihood, options);
            converged = history.Count > 0 && InferenceMath.HasConverged(history[^1], ll, options.Tolerance);
            history.Add(ll);
        }
        return new InferenceResult
        {
            Method = "dawid-skene",
            ClassCount = k,
            Posteriors = posteriors,
            Labels = InferenceMath.ArgMax(posteriors, answers, options.Gold),
            ClassPriors = priors,
            WorkerSkill = ExpectedAccuracy(confusion, priors, m, k),
            WorkerConfusion = confusion,
            Iterations = history.Count,
            Converged = converged,
            LogLikelihoodHistory = [.. history],
        };
    }

    /// <summary>
    /// Per-chunk count tables are used while they stay small (at most this many doubles in all): summing
    /// in item order reads the posteriors sequentially, which beats the random reads of a per-worker pass.
    /// </summary>
    private const long MaxChunkTableCells = 1 << 22;

    /// <summary>Confusion rows per worker; also writes their logs transposed as <c>[(w*K + l)*K + k]</c> for the E-step.</summary>
    private static void MStep(CrowdAnswers answers, double[] posteriors, double[] confusion, double[] logLikelihood, InferenceOptions options)
    {
        int k = answers.ClassCount, table = answers.WorkerCount * k * k;
        Count(answers, posteriors, confusion, options, (long)ParallelRange.ChunkCount(answers.ItemCount) * table <= MaxChunkTableCells);
        var s = options.Smoothing;
        ParallelRange.For(answers.WorkerCount, options.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            for (var w = from; w < to; w++)
            {
                for (var c = 0; c < k; c++)
                {
                    var row = confusion.AsSpan(((w * k) + c) * k, k);
                    var total = k * s;
                    foreach (var v in row)
                        total += v;
                    for (var l = 0; l < k; l++)
                    {
                        row[l] = (row[l] + s) / total;
                        logLikelihood[(((w * k) + l) * k) + c] = Math.Log(row[l]);
                    }
                }
            }
        });
    }

    /// <summary>Expected confusion counts, summed in item order (<paramref name="byItem"/>) or worker by worker.</summary>
    internal static void Count(CrowdAnswers answers, double[] posteriors, double[] counts, InferenceOptions options, bool byItem)
    {
        if (byItem)
            CountByItem(answers, posteriors, counts, options);
        else
            CountByWorker(answers, posteriors, counts, options);
    }

    /// <summary>Expected counts <c>sum T_ik [answer l]</c> per worker, one table per item chunk, added in chunk order.</summary>
    private static void CountByItem(CrowdAnswers answers, double[] posteriors, double[] counts, InferenceOptions options)
    {
        int k = answers.ClassCount, table = answers.WorkerCount * k * k, kk = k * k;
        var chunks = ParallelRange.ChunkCount(answers.ItemCount);
        var partial = new double[chunks * table];
        var index = answers.ByItem;
        ParallelRange.ForChunks(answers.ItemCount, options.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (chunk, from, to) =>
        {
            var mine = partial.AsSpan(chunk * table, table);
            for (var i = from; i < to; i++)
            {
                var row = posteriors.AsSpan(i * k, k);
                for (var p = index.Start[i]; p < index.Start[i + 1]; p++)
                {
                    var cell = mine.Slice((index.Other[p] * kk) + index.Label[p]);
                    for (var c = 0; c < row.Length; c++)
                        cell[c * k] += row[c];
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

    /// <summary>The same counts, one worker at a time (no per-chunk tables; for very many workers).</summary>
    private static void CountByWorker(CrowdAnswers answers, double[] posteriors, double[] counts, InferenceOptions options)
    {
        var k = answers.ClassCount;
        var index = answers.ByWorker;
        ParallelRange.For(answers.WorkerCount, options.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            for (var w = from; w < to; w++)
            {
                var mine = counts.AsSpan(w * k * k, k * k);
                mine.Clear();
                for (var p = index.Start[w]; p < index.Start[w + 1]; p++)
                {
                    var t = index.Other[p] * k;
                    var l = index.Label[p];
                    for (var c = 0; c < k; c++)
                        mine[(c * k) + l] += posteriors[t + c];
                }
            }
        });
    }

    private static double EStep(CrowdAnswers answers, double[] posteriors, double[] priors, double[] logLikelihood, InferenceOptions options)
    {
        var k = answers.ClassCount;
        var index = answers.ByItem;
        var gold = options.Gold;
        var logPriors = new double[k];
        for (var c = 0; c < k; c++)
            logPriors[c] = Math.Log(priors[c]);
        return ParallelRange.Sum(answers.ItemCount, options.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            var ll = 0.0;
            for (var i = from; i < to; i++)
            {
                var row = posteriors.AsSpan(i * k, k);
                logPriors.CopyTo(row);
                for (var p = index.Start[i]; p < index.Start[i + 1]; p++)
                {
                    var table = logLikelihood.AsSpan(((index.Other[p] * k) + index.Label[p]) * k, k);
                    for (var c = 0; c < k; c++)
                        row[c] += table[c];
                }
                var g = InferenceMath.GoldOf(gold, i);
                if (g == LabelIndex.Abstain)
                {
                    ll += InferenceMath.NormalizeLog(row);
                    continue;
                }
                ll += row[g];
                row.Clear();
                row[g] = 1;
            }
            return ll;
        });
    }

    private static double[] ExpectedAccuracy(double[] confusion, double[] priors, int m, int k)
    {
        var skill = new double[m];
        for (var w = 0; w < m; w++)
        {
            for (var c = 0; c < k; c++)
                skill[w] += priors[c] * confusion[(((w * k) + c) * k) + c];
        }
        return skill;
    }
}
