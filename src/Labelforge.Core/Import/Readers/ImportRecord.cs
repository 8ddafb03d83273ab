using Labelforge.Core.Items;

namespace Labelforge.Core.Import.Readers;

/// <summary>
/// One good row read from an import source. <see cref="DataJson"/> is the item document as compact JSON in its
/// stored form: with <see cref="TextSlot"/> set, the text field's value is a placeholder at that offset (see
/// <see cref="ItemDocument"/>); <see cref="Document"/> is the whole document. <see cref="Text"/> is the text to label.
/// </summary>
public sealed record ImportRecord(
    string Source,
    long Line,
    string? ExternalId,
    string Text,
    string DataJson,
    IReadOnlyList<ImportedAnnotation> Annotations,
    int? TextSlot = null)
{
    public string Document => ItemDocument.Compose(Text, DataJson, TextSlot);

    /// <summary>
    /// The item's content hash when it is not that of <see cref="Text"/>: an image item is identified by its image's
    /// bytes (<see cref="Media.MediaKeys.ContentHash"/>), not by its file name. Null: <see cref="ContentHash.Of"/> the text.
    /// </summary>
    public byte[]? Hash { get; init; }
}
