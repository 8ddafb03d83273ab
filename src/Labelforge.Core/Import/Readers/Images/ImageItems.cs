using System.Text.Json;
using Labelforge.Core.Media;

namespace Labelforge.Core.Import.Readers.Images;

/// <summary>An image file read for import: its header and its key in the media store.</summary>
public sealed record ImageItem(string Path, string Relative, string Key, ImageHeader Header)
{
    /// <summary>
    /// The item: {"image": relative path, "media": key, "width", "height", "media_type"}, the relative path as text and
    /// external id, the image's bytes as content hash (a re-import or the same image under another name is a duplicate).
    /// </summary>
    public ImportRecord Record(string source, long line, IReadOnlyList<ImportedAnnotation> annotations) =>
        new(source, line, Relative, Relative, ImageItems.Document(Relative, Key, Header), annotations) { Hash = MediaKeys.ContentHash(Key) };
}

/// <summary>
/// The one place import readers turn an image file into an item (image folders, COCO, VOC, YOLO, Label Studio):
/// the header gives format and size without decoding pixels (<see cref="ImageHeaders"/>), and the file goes into the
/// <see cref="IMediaStore"/> by copy or by reference.
/// </summary>
public static class ImageItems
{
    /// <summary>The image at <paramref name="path"/>, or the problem with it (unsupported type, unreadable or bad header).</summary>
    public static async Task<(ImageItem? Item, string? Problem)> LoadAsync(string path, string relative, IMediaStore store, bool reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!ImageHeaders.Extensions.Contains(System.IO.Path.GetExtension(relative).ToLowerInvariant()))
            return (null, $"unsupported file type '{System.IO.Path.GetExtension(relative)}'; images must be {string.Join(", ", ImageHeaders.Extensions)}");
        ImageHeader? header;
        string problem;
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            header = ImageHeaders.Read(file, out problem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read the file: {e.Message}");
        }
        if (header is null)
            return (null, problem);
        var key = await store.AddAsync(path, header.Extension, reference, ct);
        return (new ImageItem(path, relative, key, header), null);
    }

    /// <summary>The first of <paramref name="candidates"/> (relative to <paramref name="folder"/>) that is a file, as a relative path with '/'.</summary>
    public static string? Find(string folder, IEnumerable<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (string.IsNullOrEmpty(candidate) || System.IO.Path.IsPathRooted(candidate))
                continue;
            var relative = candidate.Replace('\\', '/').TrimStart('/');
            if (relative.Split('/').Contains(".."))
                continue;
            if (File.Exists(System.IO.Path.Combine(folder, relative)))
                return relative;
        }
        return null;
    }

    /// <summary>Image files under <paramref name="folder"/> (recursively, hidden ones passed over), relative with '/', ordinal order.</summary>
    public static List<string> Files(string folder, Func<string, bool>? take = null) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(folder, f).Replace(System.IO.Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.Split('/').Any(part => part.StartsWith('.')) && (take?.Invoke(f) ?? true))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>True for a supported image extension.</summary>
    public static bool IsImage(string file) => ImageHeaders.Extensions.Contains(System.IO.Path.GetExtension(file).ToLowerInvariant());

    internal static string Document(string relative, string key, ImageHeader header)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonScratch.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("image"u8, relative);
            writer.WriteString("media"u8, key);
            writer.WriteNumber("width"u8, header.Width);
            writer.WriteNumber("height"u8, header.Height);
            writer.WriteString("media_type"u8, header.MediaType);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
