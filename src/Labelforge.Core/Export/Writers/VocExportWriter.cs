using System.Xml;
using Labelforge.Core.Annotations;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// One Pascal VOC XML file per annotated image, beside where the image lies relative to the folder (a.jpg → a.xml,
/// sub/b.png → sub/b.xml): filename (the image's name), size (width, height, depth 3: the media store keeps no channel
/// count), and per object name, pose (Unspecified unless set), truncated, difficult, occluded when set, and bndbox in
/// VOC's 1-based inclusive pixel indices (<see cref="ObjectCoordinates.ToVocMin"/>, <see cref="ObjectCoordinates.ToVocMax"/>,
/// written as the shortest text that reads back the same). VOC has no polygons: a polygon is written as its bounding box.
/// </summary>
internal static class VocExportWriter
{
    private static readonly XmlWriterSettings Settings = new() { Indent = true, IndentChars = "  ", Async = true, OmitXmlDeclaration = true };

    public static async Task WriteAsync(ObjectFiles files, ObjectExportItem item, ObjectCategories categories, CancellationToken ct)
    {
        await using var file = await files.CreateAsync(ObjectFiles.RelativeFor(item.Image, ".xml"), ct);
        await using var xml = XmlWriter.Create(file, Settings);
        await xml.WriteStartElementAsync(null, "annotation", null);
        await xml.WriteElementStringAsync(null, "filename", null, item.Image.Split('/')[^1]);
        await xml.WriteStartElementAsync(null, "size", null);
        await xml.WriteElementStringAsync(null, "width", null, item.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await xml.WriteElementStringAsync(null, "height", null, item.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await xml.WriteElementStringAsync(null, "depth", null, "3");
        await xml.WriteEndElementAsync();
        await xml.WriteElementStringAsync(null, "segmented", null, "0");
        foreach (var o in item.Objects ?? [])
        {
            var (x, y, w, h) = CocoExportWriter.Bounds(o);
            await xml.WriteStartElementAsync(null, "object", null);
            await xml.WriteElementStringAsync(null, "name", null, categories.Name(o.LabelId));
            await xml.WriteElementStringAsync(null, "pose", null, o.Get(ObjectAttributes.Pose) ?? "Unspecified");
            await xml.WriteElementStringAsync(null, "truncated", null, o.Has(ObjectAttributes.Truncated) ? "1" : "0");
            await xml.WriteElementStringAsync(null, "difficult", null, o.Has(ObjectAttributes.Difficult) ? "1" : "0");
            if (o.Has(ObjectAttributes.Occluded))
                await xml.WriteElementStringAsync(null, "occluded", null, "1");
            var xmin = ObjectCoordinates.ToVocMin(x);
            var ymin = ObjectCoordinates.ToVocMin(y);
            await xml.WriteStartElementAsync(null, "bndbox", null);
            await xml.WriteElementStringAsync(null, "xmin", null, ObjectCoordinates.Text(xmin));
            await xml.WriteElementStringAsync(null, "ymin", null, ObjectCoordinates.Text(ymin));
            await xml.WriteElementStringAsync(null, "xmax", null, ObjectCoordinates.Text(ObjectCoordinates.ToVocMax(xmin, w)));
            await xml.WriteElementStringAsync(null, "ymax", null, ObjectCoordinates.Text(ObjectCoordinates.ToVocMax(ymin, h)));
            await xml.WriteEndElementAsync();
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.FlushAsync();
        ct.ThrowIfCancellationRequested();
    }
}
