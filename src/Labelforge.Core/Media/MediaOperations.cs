using System.Text.Json;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Media;

/// <summary>Finds an item's image: the item's document names its media key ("media"), the store holds the bytes.</summary>
public sealed class MediaOperations(LabelforgeDb db, IMediaStore store)
{
    /// <summary>The document field holding an image item's media key.</summary>
    public const string KeyField = "media";

    public async Task<MediaFile> FindAsync(long projectId, long itemId, CancellationToken ct = default)
    {
        var document = await db.Items.AsNoTracking().Where(i => i.ProjectId == projectId && i.Id == itemId).Select(i => i.DataJson).FirstOrDefaultAsync(ct)
            ?? throw LabelforgeException.NotFound($"No item {itemId} in project {projectId}.");
        var key = KeyOf(document)
            ?? throw LabelforgeException.NotFound($"Item {itemId} has no image (its document has no \"{KeyField}\" key).");
        return store.Find(key)
            ?? throw LabelforgeException.NotFound($"The image of item {itemId} ({key}) is not in the media store, or its referenced file was moved or changed since the import.");
    }

    /// <summary>The media key of a stored document, or null when it has none.</summary>
    public static string? KeyOf(string dataJson)
    {
        using var document = JsonDocument.Parse(dataJson);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty(KeyField, out var key) && key.ValueKind == JsonValueKind.String
            ? key.GetString()
            : null;
    }
}
