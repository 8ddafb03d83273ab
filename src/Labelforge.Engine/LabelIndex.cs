namespace Labelforge.Engine;

/// <summary>
/// Conventions for label indices in engine matrices: labels are 0..k-1 and a missing vote is
/// <see cref="Abstain"/>, so a label matrix of ints needs no separate mask.
/// </summary>
public static class LabelIndex
{
    /// <summary>The value of a cell where a source gave no label (an LF abstained, an annotator skipped).</summary>
    public const int Abstain = -1;
}
