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
}
