using System.Runtime.CompilerServices;

namespace Labelforge.Engine.LabelErrors;

/// <summary>
/// The confident joint of confident learning (Northcutt, Jiang &amp; Chuang, JAIR 2021, eq. 1 and 2).
/// Per-class thresholds are the mean self-confidence t_j = mean over {x : ỹ = j} of p(j | x). An item x with given
/// label i counts in cell C[i][j] when j is the class it is confidently in: the one class with p(j | x) ≥ t_j, or the
/// argmax when several pass; items passing no threshold are not counted. Calibration rescales each row i to the given
/// label count n_i and the whole matrix to n (eq. 2), then rounds each row keeping its total.
/// </summary>
public sealed class ConfidentJoint
{
    /// <summary>Slack on the threshold test, so an item whose probability equals the class mean up to float noise counts.</summary>
    public const double ThresholdTolerance = 1e-6;

    /// <summary>A threshold no probability reaches, for classes that have no given label.</summary>
    public const double UnreachableThreshold = 2.0;

    private ConfidentJoint(double[] thresholds, int[] labelCounts, int[,] counts, int[,] calibrated, bool[] offDiagonal)
    {
        Thresholds = thresholds;
        LabelCounts = labelCounts;
        Counts = counts;
        Calibrated = calibrated;
        IsOffDiagonal = offDiagonal;
    }

    /// <summary>t_j per class.</summary>
    public double[] Thresholds { get; }

    /// <summary>n_i: how many items carry given label i.</summary>
    public int[] LabelCounts { get; }

    /// <summary>Raw counts C[given][confident class], with each diagonal cell at least 1.</summary>
    public int[,] Counts { get; }

    /// <summary>Calibrated counts: row i sums to n_i.</summary>
    public int[,] Calibrated { get; }

    /// <summary>Per item: counted in an off-diagonal cell (confidently in a class other than its given label).</summary>
    public bool[] IsOffDiagonal { get; }

    /// <summary>Computes thresholds, the confident joint and its calibration.</summary>
    /// <exception cref="ArgumentException">Sizes differ or a label is outside 0..k-1.</exception>
    public static ConfidentJoint Compute(ReadOnlySpan<int> labels, ProbabilityMatrix probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (labels.Length != probabilities.RowCount)
            throw new ArgumentException($"{labels.Length} labels but {probabilities.RowCount} probability rows", nameof(labels));
        var k = probabilities.ClassCount;
        var labelCounts = new int[k];
        var thresholds = new double[k];
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if ((uint)label >= (uint)k)
                throw new ArgumentException($"label {label} at row {i} is outside 0..{k - 1}", nameof(labels));
            labelCounts[label]++;
            thresholds[label] += probabilities[i, label];
        }
        for (var j = 0; j < k; j++)
            thresholds[j] = labelCounts[j] > 0 ? thresholds[j] / labelCounts[j] : UnreachableThreshold;

        var counts = new int[k, k];
        var offDiagonal = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var guess = ConfidentClass(probabilities.Row(i), thresholds);
            if (guess < 0)
                continue;
            counts[labels[i], guess]++;
            offDiagonal[i] = guess != labels[i];
        }
        // Every class keeps at least one correctly labeled item, so calibration never divides by an empty row.
        for (var j = 0; j < k; j++)
            counts[j, j] = Math.Max(counts[j, j], 1);
        return new ConfidentJoint(thresholds, labelCounts, counts, Calibrate(counts, labelCounts), offDiagonal);
    }

    /// <summary>The class an item is confidently in, or -1 when it passes no threshold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int ConfidentClass(ReadOnlySpan<float> row, double[] thresholds)
    {
        var passing = 0;
        var first = -1;
        var argMax = 0;
        for (var j = 0; j < row.Length; j++)
        {
            if (row[j] >= thresholds[j] - ThresholdTolerance)
            {
                passing++;
                if (first < 0)
                    first = j;
            }
            if (row[j] > row[argMax])
                argMax = j;
        }
        return passing switch
        {
            0 => -1,
            1 => first,
            _ => argMax,
        };
    }

    private static int[,] Calibrate(int[,] counts, int[] labelCounts)
    {
        var k = labelCounts.Length;
        var scaled = new double[k, k];
        var total = 0.0;
        for (var i = 0; i < k; i++)
        {
            var rowSum = 0.0;
            for (var j = 0; j < k; j++)
                rowSum += counts[i, j];
            for (var j = 0; j < k; j++)
            {
                scaled[i, j] = counts[i, j] / rowSum * labelCounts[i];
                total += scaled[i, j];
            }
        }
        var n = 0.0;
        foreach (var c in labelCounts)
            n += c;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
                scaled[i, j] = scaled[i, j] / total * n;
        }
        return RowRounding.RoundPreservingRowTotals(scaled);
    }
}
