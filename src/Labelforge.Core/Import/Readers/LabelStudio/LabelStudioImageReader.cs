using System.Runtime.CompilerServices;
using Labelforge.Core.Import.Readers.Images;
using Labelforge.Core.Import.Readers.Objects;

namespace Labelforge.Core.Import.Readers.LabelStudio;

/// <summary>
/// Label Studio tasks of image projects: each task's "data.image" names the image, found under the images folder
/// (--images, else the JSON file's folder) by the path as written, the local-files path after "?d=", or the base
/// name (Label Studio's uploads add a prefix; a URL's last segment). The item is the image item
/// (<see cref="ImageItems"/>), so it dedupes with the same image from any other import; "choices" results give
/// whole-image labels, "rectanglelabels" and "polygonlabels" objects, turned from percent into pixels of the image.
/// </summary>
public static class LabelStudioImageReader
{
    /// <summary>The data key holding the image (Label Studio's image templates read $image).</summary>
    public const string ImageField = "image";

    public static async IAsyncEnumerable<ImportEntry> ReadAsync(string path, ObjectImportSource source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var folder = source.Images ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
        await foreach (var entry in ImportReaders.ReadAsync(path, ImportFormat.LabelStudio, new ImportFieldMap(ImageField, null, null), ImportReaderOptions.Default, ct))
        {
            if (entry.Record is not { } record)
            {
                yield return entry;
                continue;
            }
            var relative = ImageItems.Find(folder, Candidates(record.Text));
            if (relative is null)
            {
                yield return ImportEntry.Bad(new ImportError(path, record.Line, "data.image", $"no image for '{record.Text}' in {folder}; pass --images DIR with the folder holding the images"));
                continue;
            }
            var (item, problem) = await ImageItems.LoadAsync(Path.Combine(folder, relative), relative, source.Store, source.Reference, ct);
            if (item is null)
            {
                yield return ImportEntry.Bad(new ImportError(path, record.Line, "data.image", $"{relative}: {problem}"));
                continue;
            }
            var annotations = record.Annotations
                .Select(a => a.Objects is null ? a : a with { Objects = a.Objects.Select(o => o.InPixels(item.Header.Width, item.Header.Height)).ToArray() })
                .ToArray();
            yield return ImportEntry.Ok(item.Record(path, record.Line, annotations));
        }
    }

    /// <summary>Where data.image may point under the images folder, most specific first.</summary>
    internal static IEnumerable<string> Candidates(string image)
    {
        var value = Uri.UnescapeDataString(image.Trim());
        var local = value.IndexOf("?d=", StringComparison.Ordinal);
        if (local >= 0)
            yield return value[(local + 3)..];
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "s3" or "gs")
            value = uri.AbsolutePath;
        else
            yield return value;
        var name = value.Split('/', '\\')[^1];
        yield return name;
        // Label Studio uploads are stored as <8 hex digits>-<original name>.
        if (name.Length > 9 && name[8] == '-' && name[..8].All(char.IsAsciiHexDigit))
            yield return name[9..];
    }
}
