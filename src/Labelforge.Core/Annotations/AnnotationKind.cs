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

    /// <summary>
    /// A known answer of a gold item (honeypot), author <c>gold:import</c>: people's answers on the item are scored against
    /// it. Never a given label (training and counts leave it out) and never shown to annotators.
    /// </summary>
    Gold,
}
