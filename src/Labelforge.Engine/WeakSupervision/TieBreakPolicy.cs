namespace Labelforge.Engine.WeakSupervision;

/// <summary>How <see cref="LabelPredictions.Argmax"/> turns a row of probabilities with a tie into a label.</summary>
public enum TieBreakPolicy
{
    /// <summary>A tied row gets <see cref="LabelIndex.Abstain"/>.</summary>
    Abstain,

    /// <summary>A tied row gets one of its tied labels, drawn with the seeded generator.</summary>
    Random,

    /// <summary>A tied row gets its lowest tied label index.</summary>
    Lowest,
}
