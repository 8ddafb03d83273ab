namespace Labelforge.Engine.Consensus;

/// <summary>How a vote or an argmax resolves items where several labels share the top count or probability.</summary>
public enum TieBreak
{
    /// <summary>The lowest label index among the tied ones (deterministic; the usual reference convention).</summary>
    Lowest,

    /// <summary>A tied label drawn uniformly with the seeded generator.</summary>
    Random,

    /// <summary>No label: the item gets <see cref="LabelIndex.Abstain"/>.</summary>
    Abstain,
}
