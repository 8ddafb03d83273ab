namespace Labelforge.Engine.LabelErrors;

/// <summary>The per-item label quality score used to rank flagged items (lowest score = most likely wrong).</summary>
public enum LabelQualityMethod
{
    /// <summary>Self-confidence: p(given label | x).</summary>
    SelfConfidence,

    /// <summary>Normalized margin: (p(given label | x) - max over other classes p(j | x) + 1) / 2, in [0, 1].</summary>
    NormalizedMargin,
}
