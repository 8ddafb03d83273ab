namespace Labelforge.Engine.Privacy;

/// <summary>One piece of personal data in a text: its kind and its [Start, End) UTF-16 offsets.</summary>
public readonly record struct PiiDetection(PiiKind Kind, int Start, int End)
{
    /// <summary>The number of UTF-16 characters covered.</summary>
    public int Length => End - Start;
}
