using System.Runtime.CompilerServices;

namespace Labelforge.Engine.Consensus;

/// <summary>
/// The parameters of <see cref="DawidSkene"/> between EM steps: confusion rows <c>pi_j[k,·]</c> over K
/// outcomes (K + 1 with observed abstentions, the last being "no answer"), and the log tables the E-step adds
/// up: per answer <c>ln pi_j[k,l] − ln pi_j[k,K]</c>, per item the baseline <c>ln rho_k + sum_j ln pi_j[k,K]</c>
/// (without observed abstentions the abstain terms are 0), so an item costs one addition per answer either way.
/// </summary>
internal sealed class DawidSkeneModel
{
    private readonly int _m;
    private readonly int _k;
    private readonly bool _abstentionsObserved;
    private readonly double[] _logVote;
    private readonly double[] _baseline;
    private readonly double[] _counts;

    /// <summary>
    /// Smallest count of a label an annotator gave (crowd-kit's clip): with no prior, a class that holds no posterior
    /// mass among an annotator's items would otherwise get 0/0, and a zero cell would veto that class for good.
    /// </summary>
    public const double CountFloor = 1e-10;

    public DawidSkeneModel(int annotators, int classes, bool abstentionsObserved)
    {
        _m = annotators;
        _k = classes;
        _abstentionsObserved = abstentionsObserved;
        Outcomes = classes + (abstentionsObserved ? 1 : 0);
        Confusion = new double[annotators * classes * Outcomes];
        _logVote = new double[annotators * classes * classes];
        _baseline = new double[classes];
        _counts = new double[annotators * classes * classes];
    }

    /// <summary>Outcomes per confusion row: K, or K + 1 when abstentions are observed.</summary>
    public int Outcomes { get; }

    /// <summary>P(outcome l | true k) of annotator w at <c>[(w * K + k) * Outcomes + l]</c>.</summary>
    public double[] Confusion { get; }

    /// <summary>The expected counts of the last M-step, <c>sum_i w_i T_ik [j answered l]</c> at <c>[(j*K + k)*K + l]</c> (not floored).</summary>
    public ReadOnlySpan<double> Counts => _counts;

    /// <summary>M-step: confusion rows from the expected counts of the current posteriors (floored, then smoothed).</summary>
    public void Estimate(CrowdAnswers answers, double[] posteriors, double[] priors, double[]? weights, ConsensusOptions options, double s)
    {
        var counts = _counts;
        DawidSkene.Count(answers, posteriors, counts, options, DawidSkene.CountByItemFits(answers), weights);
        var mass = _abstentionsObserved ? ClassMass(posteriors, weights, answers.ItemCount) : null;
        int k = _k, outcomes = Outcomes;
        ParallelRange.For(_m, options.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            Span<bool> given = stackalloc bool[k];
            for (var w = from; w < to; w++)
            {
                var table = counts.AsSpan(w * k * k, k * k);
                for (var l = 0; l < k; l++)
                {
                    var total = 0.0;
                    for (var c = 0; c < k; c++)
                        total += table[(c * k) + l];
                    given[l] = total > 0;
                }
                for (var c = 0; c < k; c++)
                    EstimateRow(table.Slice(c * k, k), Confusion.AsSpan(((w * k) + c) * outcomes, outcomes), given, mass is null ? null : mass[c], s);
            }
        });
        FillLogTables(priors);
    }

    /// <summary>
    /// One confusion row: counts of given labels floored at <see cref="CountFloor"/>, the "no answer" count (observed
    /// abstentions) is the class mass the answers leave, then <c>(count + s) / (sum + outcomes s)</c>.
    /// </summary>
    private static void EstimateRow(ReadOnlySpan<double> answered, Span<double> row, ReadOnlySpan<bool> given, double? mass, double s)
    {
        var sum = 0.0;
        var total = row.Length * s;
        for (var l = 0; l < answered.Length; l++)
        {
            sum += answered[l];
            row[l] = given[l] ? Math.Max(answered[l], CountFloor) : 0;
            total += row[l];
        }
        if (mass is { } m)
            total += row[answered.Length] = Math.Max(m - sum, CountFloor);
        for (var l = 0; l < row.Length; l++)
            row[l] = (row[l] + s) / total;
    }

    /// <summary>Takes fitted parameters (confusion rows in this model's layout, and priors) for prediction.</summary>
    public void Load(double[] confusion, double[] priors)
    {
        if (confusion.Length != Confusion.Length || priors.Length != _k)
            throw new ArgumentException($"expected {Confusion.Length} confusion cells and {_k} priors.", nameof(confusion));
        confusion.CopyTo(Confusion, 0);
        FillLogTables(priors);
    }

    /// <summary>E-step: writes T (gold clamped) and returns the weighted marginal log-likelihood.</summary>
    public double Posteriors(CrowdAnswers answers, double[] posteriors, double[]? weights, int[]? gold, int maxParallelism)
    {
        var k = _k;
        var index = answers.ByItem;
        var logVote = _logVote;
        var baseline = _baseline;
        return ParallelRange.Sum(answers.ItemCount, maxParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            var ll = 0.0;
            for (var i = from; i < to; i++)
            {
                var row = posteriors.AsSpan(i * k, k);
                baseline.CopyTo(row);
                for (var p = index.Start[i]; p < index.Start[i + 1]; p++)
                {
                    var table = logVote.AsSpan(((index.Other[p] * k) + index.Label[p]) * k, k);
                    for (var c = 0; c < k; c++)
                        row[c] += table[c];
                }
                var weight = weights is null ? 1.0 : weights[i];
                var g = InferenceMath.GoldOf(gold, i);
                if (g == LabelIndex.Abstain)
                {
                    ll += weight * InferenceMath.NormalizeLog(row);
                    continue;
                }
                ll += weight * row[g];
                row.Clear();
                row[g] = 1;
            }
            return ll;
        });
    }

    /// <summary>Log tables of the E-step, transposed to <c>[(w*K + l)*K + k]</c> so an answer reads K adjacent cells.</summary>
    private void FillLogTables(double[] priors)
    {
        int k = _k, outcomes = Outcomes;
        for (var c = 0; c < k; c++)
            _baseline[c] = Math.Log(priors[c]);
        for (var w = 0; w < _m; w++)
        {
            for (var c = 0; c < k; c++)
            {
                var row = Confusion.AsSpan(((w * k) + c) * outcomes, outcomes);
                var silent = _abstentionsObserved ? Math.Log(row[k]) : 0;
                _baseline[c] += silent;
                for (var l = 0; l < k; l++)
                    _logVote[(((w * k) + l) * k) + c] = Math.Log(row[l]) - silent;
            }
        }
    }

    /// <summary>Total weighted posterior mass per class, <c>sum_i w_i T_ik</c>.</summary>
    internal double[] ClassMass(double[] posteriors, double[]? weights, int n)
    {
        var mass = new double[_k];
        for (var i = 0; i < n; i++)
        {
            var weight = weights is null ? 1.0 : weights[i];
            for (var c = 0; c < _k; c++)
                mass[c] += posteriors[(i * _k) + c] * weight;
        }
        return mass;
    }
}
