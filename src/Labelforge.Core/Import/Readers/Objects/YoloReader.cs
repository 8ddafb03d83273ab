using System.Globalization;
using System.Runtime.CompilerServices;
using Labelforge.Core.Annotations;
using Labelforge.Core.Import.Readers.Images;

namespace Labelforge.Core.Import.Readers.Objects;

/// <summary>
/// Reads a YOLO folder: the class names (<see cref="YoloClasses"/>), then one item per image of the images folder
/// (--images, else the label folder itself; recursively, ordinal order) with the objects of its label file, the
/// image's path with ".txt" for its extension under the label folder. A line is <c>class cx cy w h</c> (a box,
/// normalized centre and size) or <c>class x1 y1 x2 y2 x3 y3 ...</c> (a polygon, YOLO segmentation format, at
/// least 3 points), converted to pixels of the image (its size from the header) by <see cref="ObjectCoordinates"/>.
/// An empty label file means "no objects"; an image without one is imported without an annotation; a label file
/// without an image is an error. Errors name the label file, line and field (class, cx, x3, ...).
/// </summary>
public static class YoloReader
{
    public static async IAsyncEnumerable<ImportEntry> ReadAsync(string folder, ObjectImportSource source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!Directory.Exists(folder))
        {
            yield return ImportEntry.Bad(new ImportError(folder, 0, null, "folder not found; --format yolo reads a folder of .txt label files"));
            yield break;
        }
        var (classes, classesFile, problem) = YoloClasses.Read(folder);
        if (classes is null)
        {
            yield return ImportEntry.Bad(new ImportError(classesFile, 0, null, problem!));
            yield break;
        }
        var images = source.Images ?? folder;
        if (!Directory.Exists(images))
        {
            yield return ImportEntry.Bad(new ImportError(images, 0, null, "images folder not found"));
            yield break;
        }
        var labelFiles = ImageItems.Files(folder, f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) && !YoloClasses.FileNames.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase))
            .ToHashSet(StringComparer.Ordinal);
        var files = ImageItems.Files(images, ImageItems.IsImage);
        if (files.Count == 0)
        {
            yield return ImportEntry.Bad(new ImportError(images, 0, null, $"no images in the folder; pass --images DIR with the folder holding them ({string.Join(", ", ImageHeaders())})"));
            yield break;
        }
        foreach (var relative in files)
        {
            ct.ThrowIfCancellationRequested();
            var labels = Path.ChangeExtension(relative, ".txt");
            var found = labelFiles.Remove(labels);
            yield return await ReadOneAsync(images, relative, found ? Path.Combine(folder, labels) : null, classes, source, ct);
        }
        foreach (var orphan in labelFiles.Order(StringComparer.Ordinal))
            yield return ImportEntry.Bad(new ImportError(Path.Combine(folder, orphan), 0, null, $"no image for this label file in {images} (looked for {Path.ChangeExtension(orphan, null)} with an image extension)"));
    }

    private static IEnumerable<string> ImageHeaders() => Media.ImageHeaders.Extensions;

    private static async Task<ImportEntry> ReadOneAsync(string images, string relative, string? labels, IReadOnlyList<string> classes, ObjectImportSource source, CancellationToken ct)
    {
        var path = Path.Combine(images, relative);
        var (item, problem) = await ImageItems.LoadAsync(path, relative, source.Store, source.Reference, ct);
        if (item is null)
            return ImportEntry.Bad(new ImportError(path, 0, null, problem!));
        if (labels is null)
            return ImportEntry.Ok(item.Record(path, 0, ImportText.NoAnnotations));
        var objects = new List<ImportedObject>();
        var line = 0L;
        foreach (var text in await File.ReadAllLinesAsync(labels, ct))
        {
            line++;
            if (text.AsSpan().Trim().Length == 0)
                continue;
            var (found, field, message) = Parse(text, classes, item.Header.Width, item.Header.Height);
            if (found is null)
                return ImportEntry.Bad(new ImportError(labels, line, field, message!));
            objects.Add(found);
        }
        return ImportEntry.Ok(item.Record(labels, 0, [new ImportedAnnotation(null, AnnotationKind.Import, []) { Field = "objects", Objects = objects }]));
    }

    private static (ImportedObject? Object, string? Field, string? Problem) Parse(string text, IReadOnlyList<string> classes, int width, int height)
    {
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (!int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= classes.Count)
            return (null, "class", $"class '{tokens[0]}' is not an index of the {classes.Count} classes (0 to {classes.Count - 1})");
        var label = classes[index];
        if (tokens.Length == 5)
        {
            string[] names = ["cx", "cy", "w", "h"];
            var v = new double[4];
            for (var i = 0; i < 4; i++)
            {
                if (!ObjectCoordinates.TryParse(tokens[i + 1], out v[i]))
                    return (null, names[i], $"'{tokens[i + 1]}' is not a number (YOLO boxes are class cx cy w h, normalized to 0..1)");
            }
            if (v[2] < 0 || v[3] < 0)
                return (null, v[2] < 0 ? "w" : "h", "width and height must not be negative");
            var box = new ImageBox(
                ObjectCoordinates.FromNormalizedCenter(v[0], v[2], width), ObjectCoordinates.FromNormalizedCenter(v[1], v[3], height),
                ObjectCoordinates.FromNormalized(v[2], width), ObjectCoordinates.FromNormalized(v[3], height));
            return (new ImportedObject(label, box, null), null, null);
        }
        if (tokens.Length < 7 || tokens.Length % 2 == 0)
            return (null, null, $"a line is 'class cx cy w h' (a box) or 'class x1 y1 x2 y2 x3 y3 ...' (a polygon of at least 3 points); this one has {tokens.Length} values");
        var points = new ImagePoint[(tokens.Length - 1) / 2];
        for (var p = 0; p < points.Length; p++)
        {
            if (!ObjectCoordinates.TryParse(tokens[1 + 2 * p], out var x))
                return (null, $"x{p + 1}", $"'{tokens[1 + 2 * p]}' is not a number");
            if (!ObjectCoordinates.TryParse(tokens[2 + 2 * p], out var y))
                return (null, $"y{p + 1}", $"'{tokens[2 + 2 * p]}' is not a number");
            points[p] = new ImagePoint(ObjectCoordinates.FromNormalized(x, width), ObjectCoordinates.FromNormalized(y, height));
        }
        return (new ImportedObject(label, null, points), null, null);
    }
}
