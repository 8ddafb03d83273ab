namespace Labelforge.Engine.ActiveLearning;

/// <summary>
/// Per-item uncertainty, larger = more uncertain, from class probabilities (Settles 2009, sec. 3.1):
/// least confidence 1 - p(ŷ | x); margin 1 - (p(ŷ₁ | x) - p(ŷ₂ | x)); entropy -Σ_j p(j | x) ln p(j | x).
/// </summary>
public static class UncertaintyScores
{
    /// <summary>The score of every row under <paramref name="strategy"/> (one of the three uncertainty strategies).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The strategy is not an uncertainty measure.</exception>
    public static double[] Compute(ProbabilityMatrix probabilities, QueryStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        Func<ReadOnlySpan<float>, double> score = strategy switch
        {
            QueryStrategy.LeastConfidence => LeastConfidence,
            QueryStrategy.Margin or QueryStrategy.UncertaintyDiversity => Margin,
            QueryStrategy.Entropy => Entropy,
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "not an uncertainty strategy"),
        };
        var scores = new double[probabilities.RowCount];
        for (var i = 0; i < scores.Length; i++)
            scores[i] = score(probabilities.Row(i));
        return scores;
    }

    /// <summary>1 - max_j p_j.</summary>
    public static double LeastConfidence(ReadOnlySpan<float> row)
    {
        var max = 0f;
        foreach (var p in row)
            max = Math.Max(max, p);
        return 1.0 - max;
    }

    /// <summary>1 - (p₁ - p₂) with p₁ ≥ p₂ the two largest probabilities.</summary>
    public static double Margin(ReadOnlySpan<float> row)
    {
        var first = float.NegativeInfinity;
        var second = float.NegativeInfinity;
        foreach (var p in row)
        {
            if (p > first)
            {
                second = first;
                first = p;
            }
            else if (p > second)
            {
                second = p;
            }
        }
        if (float.IsNegativeInfinity(second))
            second = 0;
        return 1.0 - (first - second);
    }

    /// <summary>-Σ p ln p, with 0 ln 0 = 0.</summary>
    public static double Entropy(ReadOnlySpan<float> row)
    {
        var h = 0.0;
        foreach (var p in row)
        {
            if (p > 0)
                h -= p * Math.Log(p);
        }
        return h;
    }
}
