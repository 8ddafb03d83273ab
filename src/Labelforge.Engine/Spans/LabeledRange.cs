namespace Labelforge.Engine.Spans;

/// <summary>A labeled character range as the span algorithms see it: [Start, End) and a label index.</summary>
public readonly record struct LabeledRange(int Start, int End, int Label)
{
    /// <summary>True when the two ranges share at least one character.</summary>
    public bool Overlaps(LabeledRange other) => Start < other.End && other.Start < End;
}
