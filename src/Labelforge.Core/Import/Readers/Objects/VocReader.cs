using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using Labelforge.Core.Annotations;
using Labelforge.Core.Import.Readers.Images;

namespace Labelforge.Core.Import.Readers.Objects;

/// <summary>
/// Reads a folder of Pascal VOC XML files (searched recursively, ordinal order), one item per file: its
/// &lt;filename&gt; found in the images folder (beside the XML's own subfolder first; without --images the
/// annotation folder, then a JPEGImages folder beside it, the VOC devkit layout), its &lt;size&gt; checked against the
/// image, and each &lt;object&gt; a box. VOC boxes are 1-based inclusive pixel indices; they become pixels by
/// <see cref="ObjectCoordinates.FromVocMin"/> and <see cref="ObjectCoordinates.FromVocExtent"/>. difficult,
/// truncated and occluded (when 1) and pose (unless Unspecified) are kept as object attributes. Errors name the XML
/// file, the line of the element and its path (object[2].bndbox.xmin).
/// </summary>
public static class VocReader
{
    public static async IAsyncEnumerable<ImportEntry> ReadAsync(string folder, ObjectImportSource source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!Directory.Exists(folder))
        {
            yield return ImportEntry.Bad(new ImportError(folder, 0, null, "folder not found; --format voc reads a folder of .xml files"));
            yield break;
        }
        var files = ImageItems.Files(folder, f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
        if (files.Count == 0)
        {
            yield return ImportEntry.Bad(new ImportError(folder, 0, null, "folder has no .xml files; --format voc reads one Pascal VOC XML file per image"));
            yield break;
        }
        foreach (var relative in files)
        {
            ct.ThrowIfCancellationRequested();
            yield return await ReadOneAsync(folder, relative, source, ct);
        }
    }

    private static async Task<ImportEntry> ReadOneAsync(string folder, string relative, ObjectImportSource source, CancellationToken ct)
    {
        var path = Path.Combine(folder, relative);
        XDocument document;
        try
        {
            await using var file = File.OpenRead(path);
            document = await XDocument.LoadAsync(file, LoadOptions.SetLineInfo, ct);
        }
        catch (XmlException e)
        {
            return Bad(path, e.LineNumber, null, $"not well-formed XML: {e.Message}");
        }
        var root = document.Root!;
        if (root.Name.LocalName != "annotation")
            return Bad(path, Line(root), null, $"the root element is <{root.Name.LocalName}>; a Pascal VOC file is one <annotation>");
        var fileName = root.Element("filename")?.Value.Trim();
        if (string.IsNullOrEmpty(fileName))
            return Bad(path, Line(root), "filename", "<annotation> needs a <filename> naming the image");
        var (imageFolder, imageRelative) = FindImage(folder, relative, fileName, source);
        if (imageRelative is null)
            return Bad(path, Line(root.Element("filename")!), "filename", $"no image '{fileName}' in {imageFolder}; pass --images DIR with the folder holding the images");
        var (item, problem) = await ImageItems.LoadAsync(Path.Combine(imageFolder, imageRelative), imageRelative, source.Store, source.Reference, ct);
        if (item is null)
            return Bad(path, Line(root.Element("filename")!), "filename", $"{imageRelative}: {problem}");
        if (root.Element("size") is { } size && Int(size.Element("width"), out var width) && Int(size.Element("height"), out var height)
            && width > 0 && height > 0 && (width != item.Header.Width || height != item.Header.Height))
            return Bad(path, Line(size), "size", $"the file says {width}x{height} but {imageRelative} is {item.Header.Width}x{item.Header.Height}; fix <size>");
        var objects = new List<ImportedObject>();
        var index = 0;
        foreach (var element in root.Elements("object"))
        {
            var (found, field, message) = Object(element);
            if (found is null)
                return Bad(path, Line(element), $"object[{index}]{field}", message!);
            objects.Add(found);
            index++;
        }
        return ImportEntry.Ok(item.Record(path, 0, [new ImportedAnnotation(null, AnnotationKind.Import, []) { Field = "object", Objects = objects }]));
    }

    private static (string Folder, string? Relative) FindImage(string folder, string xmlRelative, string fileName, ObjectImportSource source)
    {
        var sub = Path.GetDirectoryName(xmlRelative)?.Replace('\\', '/');
        string[] candidates = string.IsNullOrEmpty(sub) ? [fileName] : [sub + "/" + fileName, fileName];
        if (source.Images is { } images)
            return (images, ImageItems.Find(images, candidates));
        if (ImageItems.Find(folder, candidates) is { } here)
            return (folder, here);
        var devkit = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))!, "JPEGImages");
        return Directory.Exists(devkit) && ImageItems.Find(devkit, candidates) is { } beside ? (devkit, beside) : (folder, null);
    }

    private static (ImportedObject? Object, string Field, string? Problem) Object(XElement element)
    {
        var name = element.Element("name")?.Value.Trim();
        if (string.IsNullOrEmpty(name))
            return (null, ".name", "an <object> needs a <name> (its label)");
        if (element.Element("bndbox") is not { } box)
            return (null, ".bndbox", "an <object> needs a <bndbox> with xmin, ymin, xmax and ymax");
        var corners = new double[4];
        string[] names = ["xmin", "ymin", "xmax", "ymax"];
        for (var i = 0; i < 4; i++)
        {
            if (!ObjectCoordinates.TryParse(box.Element(names[i])?.Value.Trim(), out corners[i]))
                return (null, $".bndbox.{names[i]}", $"<{names[i]}> must be a number (1-based pixel index)");
        }
        if (corners[2] < corners[0] || corners[3] < corners[1])
            return (null, ".bndbox", $"xmax and ymax must not be below xmin and ymin (got {Text(corners)})");
        var attributes = new List<KeyValuePair<string, string>>();
        foreach (var flag in new[] { ObjectAttributes.Difficult, ObjectAttributes.Truncated, ObjectAttributes.Occluded })
        {
            var value = element.Element(flag)?.Value.Trim();
            if (value is null or "0" or "")
                continue;
            if (value != "1")
                return (null, "." + flag, $"<{flag}> must be 0 or 1");
            attributes.Add(KeyValuePair.Create(flag, ObjectAttributes.Set));
        }
        if (element.Element("pose")?.Value.Trim() is { Length: > 0 } pose && pose != "Unspecified")
            attributes.Add(KeyValuePair.Create(ObjectAttributes.Pose, pose));
        var x = ObjectCoordinates.FromVocMin(corners[0]);
        var y = ObjectCoordinates.FromVocMin(corners[1]);
        var w = ObjectCoordinates.FromVocExtent(corners[0], corners[2]);
        var h = ObjectCoordinates.FromVocExtent(corners[1], corners[3]);
        return (new ImportedObject(name, new ImageBox(x, y, w, h), null) { Attributes = ObjectAttributes.Of(attributes) }, "", null);
    }

    private static string Text(double[] corners) => string.Join(", ", corners.Select(ObjectCoordinates.Text));

    private static bool Int(XElement? element, out int value)
    {
        value = 0;
        return element is not null && int.TryParse(element.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static long Line(XElement element) => ((IXmlLineInfo)element).LineNumber;

    private static ImportEntry Bad(string path, long line, string? field, string message) => ImportEntry.Bad(new ImportError(path, line, field, message));
}
