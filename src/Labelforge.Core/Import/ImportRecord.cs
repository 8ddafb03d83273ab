namespace Labelforge.Core.Import;

/// <summary>
/// One good row read from an import source. <see cref="DataJson"/> is the item document as compact
/// JSON (an object with the text field and every other field); <see cref="Text"/> is the text to label.
/// </summary>
public sealed record ImportRecord(
    string Source,
    long Line,
    string? ExternalId,
    string Text,
    string DataJson,
    IReadOnlyList<ImportedAnnotation> Annotations);
