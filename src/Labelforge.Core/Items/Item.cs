namespace Labelforge.Core.Items;

/// <summary>
/// A unit of data to label: a JSON document with a text field. A text item that came with an external id is
/// identified by that id; every other item (a text without one, an image) by its content, <see cref="ContentHash"/>
/// (the first 16 bytes of SHA-256 of the text, or of the image's bytes). Re-importing either is a no-op, while two rows
/// with the same text under different ids are two items: the user's ids name them, and merging would lose one.
/// </summary>
public sealed class Item
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public string? ExternalId { get; set; }

    public required byte[] ContentHash { get; set; }

    /// <summary>
    /// The first 8 bytes of <see cref="ContentHash"/> as a big-endian integer: the compact unique key of an item
    /// identified by its content (an 8-byte integer index is smaller and cheaper to maintain than a 16-byte blob one).
    /// Null for a text item identified by its external id (only that id is indexed: one b-tree insert per item, not
    /// two), and for an item of content identity whose key was already held by different content (a 64-bit
    /// collision), found by the full hash through a small partial index instead. Items stored before 2026-12-02 keep
    /// the key they were given, so their content stays their identity.
    /// </summary>
    public long? ContentKey { get; set; }

    public required string Text { get; set; }

    /// <summary>
    /// The document as compact JSON; when <see cref="TextSlot"/> is set, its text field holds a placeholder for
    /// <see cref="Text"/> (the stored form, see <see cref="ItemDocument"/>).
    /// </summary>
    public required string DataJson { get; set; }

    /// <summary>Character offset in <see cref="DataJson"/> of the placeholder for <see cref="Text"/>; null: none.</summary>
    public int? TextSlot { get; set; }

    public long? ImportBatchId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
