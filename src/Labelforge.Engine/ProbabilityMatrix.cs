using System.Runtime.CompilerServices;

namespace Labelforge.Engine;

/// <summary>
/// An n x k matrix of class probabilities stored row-major in one float array, so a million-row pool
/// is one allocation and a row is a contiguous span. Row i holds p(class j | item i) for j = 0..k-1.
/// </summary>
public sealed class ProbabilityMatrix
{
    /// <summary>Wraps <paramref name="values"/> (row-major, length rows x classes) without copying.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <paramref name="classCount"/>.</exception>
    public ProbabilityMatrix(float[] values, int classCount)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (values.Length % classCount != 0)
            throw new ArgumentException($"length {values.Length} is not a multiple of {classCount} classes", nameof(values));
        Values = values;
        ClassCount = classCount;
        RowCount = values.Length / classCount;
    }

    /// <summary>The row-major values.</summary>
    public float[] Values { get; }

    /// <summary>k, the number of classes (columns).</summary>
    public int ClassCount { get; }

    /// <summary>n, the number of items (rows).</summary>
    public int RowCount { get; }

    /// <summary>p(class <paramref name="column"/> | item <paramref name="row"/>).</summary>
    public float this[int row, int column] => Values[(row * ClassCount) + column];

    /// <summary>The k probabilities of one item.</summary>
    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * ClassCount, ClassCount);

    /// <summary>The first column holding the row's largest probability (ties go to the lower class, like argmax).</summary>
    public int ArgMax(int row)
    {
        var span = Row(row);
        var best = 0;
        for (var j = 1; j < span.Length; j++)
        {
            if (span[j] > span[best])
                best = j;
        }
        return best;
    }
}
