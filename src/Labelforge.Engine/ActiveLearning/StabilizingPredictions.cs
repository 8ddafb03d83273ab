using Labelforge.Engine.Agreement;

namespace Labelforge.Engine.ActiveLearning;

/// <summary>
/// Stopping signal for active learning by stabilizing predictions (Bloodgood &amp; Vijay-Shanker, "A Method for Stopping
/// Active Learning Based on Stabilizing Predictions and the Need for User-Adjustable Stopping", CoNLL 2009): after each
/// round, compare the new model's predictions on a fixed unlabeled stop set with the previous model's by Cohen's kappa
/// κ = (p_o - p_e) / (1 - p_e); stop once κ ≥ threshold for <c>window</c> successive rounds.
/// </summary>
public sealed class StabilizingPredictions
{
    private readonly double _threshold;
    private readonly int _window;
    private readonly List<double> _kappas = [];
    private int[]? _previous;

    /// <summary>Creates the signal; the paper's defaults are threshold 0.99 and a window of 3 rounds.</summary>
    public StabilizingPredictions(double threshold = 0.99, int window = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _threshold = threshold;
        _window = window;
    }

    /// <summary>κ between each pair of successive rounds so far.</summary>
    public IReadOnlyList<double> Kappas => _kappas;

    /// <summary>True once the last <c>window</c> kappas all reach the threshold.</summary>
    public bool ShouldStop => _kappas.Count >= _window && _kappas.Skip(_kappas.Count - _window).All(k => k >= _threshold);

    /// <summary>How many of the latest <paramref name="kappas"/> in a row reach <paramref name="threshold"/> (a stored history resumes the signal).</summary>
    public static int StableRounds(IReadOnlyList<double> kappas, double threshold = 0.99)
    {
        ArgumentNullException.ThrowIfNull(kappas);
        var rounds = 0;
        for (var i = kappas.Count - 1; i >= 0 && kappas[i] >= threshold; i--)
            rounds++;
        return rounds;
    }

    /// <summary>Records the predicted classes of the newest model on the stop set; returns <see cref="ShouldStop"/>.</summary>
    public bool Add(int[] predictions, int classCount)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (_previous is not null)
            _kappas.Add(CohensKappa(_previous, predictions, classCount));
        _previous = (int[])predictions.Clone();
        return ShouldStop;
    }

    /// <summary>Cohen's kappa between two labelings of the same items; 1 when both are identical (also when p_e = 1).</summary>
    public static double CohensKappa(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int classCount)
    {
        if (a.Length != b.Length)
            throw new ArgumentException("labelings differ in length", nameof(b));
        var table = new double[classCount * classCount];
        for (var i = 0; i < a.Length; i++)
            table[(a[i] * classCount) + b[i]]++;
        var kappa = CohenKappa.FromTable(table, classCount);
        // NaN: no items, or both models predict one and the same class everywhere (p_e = 1); they agree fully.
        return double.IsNaN(kappa) ? 1.0 : kappa;
    }
}
