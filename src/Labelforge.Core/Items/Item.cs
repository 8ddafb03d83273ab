namespace Labelforge.Core.Items;

/// <summary>
/// A unit of data to label: a JSON document with a text field. <see cref="ContentHash"/> (first 16 bytes of
/// SHA-256 of the text) makes re-imports of identical content no-ops.
/// </summary>
public sealed class Item
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public string? ExternalId { get; set; }

    public required byte[] ContentHash { get; set; }

    /// <summary>
    /// The first 8 bytes of <see cref="ContentHash"/> as a big-endian integer: the compact unique dedupe key
    /// (an 8-byte integer index is smaller and cheaper to maintain than a 16-byte blob one). Null only for an
    /// item whose key was already held by different content (a 64-bit collision); such items are found by the
    /// full hash through a small partial index instead.
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
