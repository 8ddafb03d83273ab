namespace Labelforge.Cli.Consensus;

/// <summary>Gold labels aligned with an <see cref="AnswerTable"/>.</summary>
public sealed class GoldLabels
{
    /// <summary>Gold label index per answered item; Abstain where there is none or its label never occurs in the answers.</summary>
    public required int[] Labels { get; init; }

    /// <summary>Answered items with a gold row (including those whose gold label no annotator used).</summary>
    public required int ItemCount { get; init; }

    /// <summary>Gold items whose label no annotator used: always counted wrong.</summary>
    public required int UnseenLabelItems { get; init; }

    /// <summary>Gold rows naming items that have no answers (ignored).</summary>
    public required int ItemsWithoutAnswers { get; init; }

    /// <summary>Share of gold items whose inferred label equals the gold label; NaN without gold items.</summary>
    public double Accuracy(int[] inferred)
    {
        var right = 0;
        for (var i = 0; i < Labels.Length; i++)
        {
            if (Labels[i] != Engine.LabelIndex.Abstain && inferred[i] == Labels[i])
                right++;
        }
        return ItemCount == 0 ? double.NaN : (double)right / ItemCount;
    }
}
