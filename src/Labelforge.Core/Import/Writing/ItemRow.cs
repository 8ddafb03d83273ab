namespace Labelforge.Core.Import.Writing;

/// <summary>
/// One items row as an <see cref="IItemBulkWriter"/> writes it. <paramref name="ContentKey"/> null stores the item
/// under its full <paramref name="Hash"/> only (its 8-byte key is held by different content, a collision).
/// <paramref name="DataJson"/> and <paramref name="TextSlot"/> are the stored document form (Items.ItemDocument).
/// </summary>
public readonly record struct ItemRow(string? ExternalId, byte[] Hash, long? ContentKey, string Text, string DataJson, int? TextSlot);
