using System.Runtime.CompilerServices;
using Labelforge.Core.Annotations;
using Labelforge.Core.Media;

namespace Labelforge.Core.Import.Readers.Images;

/// <summary>
/// Reads a folder of images (searched recursively, ordinal path order) into image items: each file's header gives
/// its format and size (<see cref="ImageHeaders"/>), the file goes into the <see cref="IMediaStore"/>, and the item
/// is {"image": relative path, "media": key, "width", "height", "media_type"} with the relative path as text and
/// external id and the image's bytes as its content hash, so a re-import, or the same image under another name, is
/// a duplicate. Files that are not images in a supported format are errors naming the file; hidden files are passed over.
/// </summary>
public static class ImageFolderReader
{
    public static async IAsyncEnumerable<ImportEntry> ReadAsync(string folder, IMediaStore store, ImageFolderOptions options,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        if (!Directory.Exists(folder))
        {
            yield return ImportEntry.Bad(new ImportError(folder, 0, null, "folder not found"));
            yield break;
        }
        var labels = new Dictionary<string, (string Label, long Line)>(StringComparer.Ordinal);
        if (options.LabelsCsv is { } csv)
        {
            foreach (var problem in ImageLabelsCsv.Read(csv, labels))
                yield return ImportEntry.Bad(problem);
        }
        var files = Files(folder);
        if (files.Count == 0)
        {
            yield return ImportEntry.Bad(new ImportError(folder, 0, null, $"folder has no files; images must be {string.Join(", ", ImageHeaders.Extensions)}"));
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in files)
        {
            var path = Path.Combine(folder, relative);
            var label = options.LabelsFromFolders ? FolderLabel(relative) : labels.GetValueOrDefault(relative).Label;
            if (labels.ContainsKey(relative))
                seen.Add(relative);
            yield return await ReadOneAsync(path, relative, label, store, options.Reference, ct);
        }
        foreach (var (file, (_, line)) in labels.Where(l => !seen.Contains(l.Key)))
            yield return ImportEntry.Bad(new ImportError(options.LabelsCsv!, line, "file", $"no image '{file}' in {folder}"));
    }

    private static List<string> Files(string folder) => ImageItems.Files(folder);

    /// <summary>The name of the folder directly holding the image; null for images at the top.</summary>
    private static string? FolderLabel(string relative)
    {
        var parts = relative.Split('/');
        return parts.Length < 2 ? null : parts[^2];
    }

    private static async Task<ImportEntry> ReadOneAsync(string path, string relative, string? label, IMediaStore store, bool reference, CancellationToken ct)
    {
        var (item, problem) = await ImageItems.LoadAsync(path, relative, store, reference, ct);
        return item is null ? Bad(path, problem!) : ImportEntry.Ok(item.Record(path, 0, Annotations(label)));
    }

    private static IReadOnlyList<ImportedAnnotation> Annotations(string? label) =>
        label is null ? ImportText.NoAnnotations : [new ImportedAnnotation(null, AnnotationKind.Import, [label]) { Field = "label" }];

    private static ImportEntry Bad(string path, string message) => ImportEntry.Bad(new ImportError(path, 0, null, message));
}
