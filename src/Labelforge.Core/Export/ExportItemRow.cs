using Labelforge.Core.Items;

namespace Labelforge.Core.Export;

/// <summary>
/// One item of a current-labels export as it is stored: the document in its stored form (text slot, see
/// <see cref="ItemDocument"/>), so a writer that has the text at hand composes the document itself
/// (JSON Lines writes it as UTF-8 straight into its buffer) instead of building the whole document as a string.
/// </summary>
internal sealed record ExportItemRow(
    long ItemId,
    string? ExternalId,
    string Text,
    string StoredDataJson,
    int? TextSlot,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ExportAuthorLabels> ByAuthor)
{
    public ExportItem ToItem() => new(ItemId, ExternalId, Text, ItemDocument.Compose(Text, StoredDataJson, TextSlot), Labels, ByAuthor);
}
