using System.Text.Json;

namespace Labelforge.Core.Media;

/// <summary>
/// An image item's size in pixels, as the image-folder import recorded it in the document ("width", "height", read
/// from the file's header). Objects are checked against it and the annotate page lays the image out by it.
/// </summary>
public readonly record struct ImageSize(int Width, int Height)
{
    public const string WidthField = "width";

    public const string HeightField = "height";

    /// <summary>The size a stored document records, or null when it has no positive integer width and height.</summary>
    public static ImageSize? Of(string? dataJson)
    {
        if (string.IsNullOrEmpty(dataJson))
            return null;
        using var document = JsonDocument.Parse(dataJson);
        return Of(document.RootElement);
    }

    /// <summary>The size an item document records, or null.</summary>
    public static ImageSize? Of(JsonElement document) =>
        document.ValueKind == JsonValueKind.Object
        && document.TryGetProperty(WidthField, out var w) && w.ValueKind == JsonValueKind.Number && w.TryGetInt32(out var width) && width > 0
        && document.TryGetProperty(HeightField, out var h) && h.ValueKind == JsonValueKind.Number && h.TryGetInt32(out var height) && height > 0
            ? new ImageSize(width, height)
            : null;
}
