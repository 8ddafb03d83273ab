namespace Labelforge.Core.Annotations;

/// <summary>What made an annotation. Stored as its lower-case wire name (see <see cref="AnnotationKinds"/>).</summary>
public enum AnnotationKind
{
    Human,
    Model,
    Programmatic,
    Import,
    ModelAccepted,
    Consensus,

    /// <summary>A reviewer's check of an earlier given label (label-error review): kept or fixed. Counts as gold.</summary>
    Review,

    /// <summary>A known true answer for an item (a gold question): scorecards measure annotators' accuracy on it.</summary>
    Gold,
}
