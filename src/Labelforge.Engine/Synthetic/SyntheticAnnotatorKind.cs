namespace Labelforge.Engine.Synthetic;

/// <summary>How a generated annotator answers.</summary>
public enum SyntheticAnnotatorKind
{
    /// <summary>Right with its accuracy, otherwise a uniformly drawn wrong label.</summary>
    Honest,

    /// <summary>Right with its accuracy, otherwise the next label (k + 1 mod K).</summary>
    Biased,

    /// <summary>A uniformly random label every time.</summary>
    Spammer,

    /// <summary>The same label every time.</summary>
    Constant,
}
