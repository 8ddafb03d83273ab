namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// Majority vote: P(Y = y | Λᵢ) = 1/|T| for y in T, the set of labels with the most votes in row i, else 0;
/// rows without votes get the uniform distribution. It learns nothing, so <see cref="Fit"/> only records k.
/// The baseline of Ratner et al., "Snorkel", VLDB 2018.
/// </summary>
public sealed class MajorityVoteLabelModel : ILabelModel
{
    private int _cardinality;

    /// <inheritdoc />
    public string Name => "majority-vote";

    /// <inheritdoc />
    public LabelModelDiagnostics Fit(LabelMatrix train, int cardinality)
    {
        train.Validate(cardinality);
        _cardinality = cardinality;
        var uniform = Enumerable.Repeat(1.0 / cardinality, cardinality).ToArray();
        return new LabelModelDiagnostics(0, [], true, uniform);
    }

    /// <inheritdoc />
    public double[,] PredictProbabilities(LabelMatrix matrix)
    {
        var k = _cardinality > 0 ? _cardinality : throw new InvalidOperationException("call Fit first");
        matrix.Validate(k);
        var result = new double[matrix.Rows, k];
        Parallel.For(0, matrix.Rows, () => new int[k], (i, _, counts) =>
        {
            Array.Clear(counts);
            foreach (var cell in matrix.Row(i))
            {
                if (cell != LabelIndex.Abstain)
                    counts[cell]++;
            }
            var best = counts.Max();
            var ties = counts.Count(c => c == best);
            for (var y = 0; y < k; y++)
                result[i, y] = counts[y] == best ? 1.0 / ties : 0;
            return counts;
        }, _ => { });
        return result;
    }
}
