namespace Labelforge.Core.Annotations;

/// <summary>What an annotation's value holds; a project's task type decides it once (<see cref="Projects.TaskTypes.ValueKind"/>).</summary>
public enum AnnotationValueKind
{
    /// <summary>Label ids of the whole item (text or image classification).</summary>
    ClassLabels,

    /// <summary>Labeled character ranges of the item's text.</summary>
    Spans,

    /// <summary>Labeled boxes and polygons in image pixels.</summary>
    Objects,
}
