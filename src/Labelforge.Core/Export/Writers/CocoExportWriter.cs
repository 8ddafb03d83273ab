using System.Text;
using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Projects;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// A COCO instances file: "info", "images" (id = the item id, file_name = the image's relative path, width, height),
/// "annotations" (one per object, ids from 1: a box as "bbox" with "segmentation": [] unless it carries a crowd RLE
/// mask, written back verbatim; a polygon as one ring in "segmentation" with its bounds as "bbox" and its shoelace
/// area), and "categories" last (<see cref="ObjectCategories"/>: the ids the categories were imported with, else ids from 1 in taxonomy order, supercategory the
/// parent label's name). Attributes other than COCO's own (VOC's difficult, truncated, pose, occluded) go into an
/// "attributes" object on the annotation, which the COCO reader reads back. The items are read twice, once for
/// "images" and once for "annotations", so nothing but one item is held.
/// </summary>
internal static class CocoExportWriter
{
    public static async Task<long> WriteAsync(ExportBuffer buffer, Project project, Func<IAsyncEnumerable<ObjectExportItem>> items,
        ObjectCategories categories, CancellationToken ct)
    {
        // The top-level object is written by hand so images and annotations can stream between its keys.
        buffer.Write("{\"info\":"u8);
        var head = buffer.BeginJson();
        head.WriteStartObject();
        head.WriteString("description"u8, $"Labelforge export of project {project.Name}");
        head.WriteEndObject();
        buffer.EndJson();
        buffer.Write(",\n\"images\":["u8);
        var rows = 0L;
        await foreach (var item in items())
        {
            if (rows++ > 0)
                buffer.Write(","u8);
            buffer.Write("\n"u8);
            var json = buffer.BeginJson();
            json.WriteStartObject();
            json.WriteNumber("id"u8, item.Id);
            json.WriteString("file_name"u8, item.Image);
            json.WriteNumber("width"u8, item.Width);
            json.WriteNumber("height"u8, item.Height);
            json.WriteEndObject();
            buffer.EndJson();
            await buffer.FlushIfFullAsync(ct);
        }
        buffer.Write("\n],\n\"annotations\":["u8);
        var id = 0L;
        await foreach (var item in items())
        {
            foreach (var o in item.Objects ?? [])
            {
                buffer.Write(id++ > 0 ? ",\n"u8 : "\n"u8);
                WriteObject(buffer, id, item.Id, o, categories);
            }
            await buffer.FlushIfFullAsync(ct);
        }
        buffer.Write("\n],\n\"categories\":["u8);
        var first = true;
        foreach (var (_, cocoId, name, parent) in categories.All())
        {
            buffer.Write(first ? "\n"u8 : ",\n"u8);
            first = false;
            var json = buffer.BeginJson();
            json.WriteStartObject();
            json.WriteNumber("id"u8, cocoId);
            json.WriteString("name"u8, name);
            json.WriteString("supercategory"u8, parent);
            json.WriteEndObject();
            buffer.EndJson();
        }
        buffer.Write("\n]}\n"u8);
        return rows;
    }

    private static void WriteObject(ExportBuffer buffer, long id, long imageId, ImageObject o, ObjectCategories categories)
    {
        var json = buffer.BeginJson();
        json.WriteStartObject();
        json.WriteNumber("id"u8, id);
        json.WriteNumber("image_id"u8, imageId);
        json.WriteNumber("category_id"u8, categories.CocoId(o.LabelId));
        var (x, y, w, h) = Bounds(o);
        json.WriteStartArray("bbox"u8);
        json.WriteNumberValue(x);
        json.WriteNumberValue(y);
        json.WriteNumberValue(w);
        json.WriteNumberValue(h);
        json.WriteEndArray();
        if (o.Get(ObjectAttributes.Area) is { } area)
        {
            json.WritePropertyName("area"u8);
            json.WriteRawValue(area);
        }
        else
            json.WriteNumber("area"u8, o.Polygon is { } p ? PolygonArea(p) : w * h);
        json.WriteNumber("iscrowd"u8, o.Has(ObjectAttributes.Crowd) ? 1 : 0);
        json.WritePropertyName("segmentation"u8);
        if (o.Get(ObjectAttributes.Mask) is { } mask)
            json.WriteRawValue(mask);
        else
        {
            json.WriteStartArray();
            if (o.Polygon is { } polygon)
            {
                json.WriteStartArray();
                foreach (var point in polygon)
                {
                    json.WriteNumberValue(point.X);
                    json.WriteNumberValue(point.Y);
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        var others = o.Attributes?.Where(a => a.Key is not (ObjectAttributes.Crowd or ObjectAttributes.Mask or ObjectAttributes.Area)).ToArray();
        if (others is { Length: > 0 })
        {
            json.WriteStartObject("attributes"u8);
            foreach (var (key, value) in others)
                json.WriteString(key, value);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        buffer.EndJson();
    }

    /// <summary>The box, or a polygon's bounding box.</summary>
    internal static (double X, double Y, double W, double H) Bounds(ImageObject o)
    {
        if (o.Box is { } b)
            return (b.X, b.Y, b.Width, b.Height);
        var points = o.Polygon ?? [];
        var (minX, minY) = (points.Min(p => p.X), points.Min(p => p.Y));
        return (minX, minY, points.Max(p => p.X) - minX, points.Max(p => p.Y) - minY);
    }

    private static double PolygonArea(IReadOnlyList<ImagePoint> points)
    {
        var twice = 0.0;
        for (var i = 0; i < points.Count; i++)
        {
            var (a, b) = (points[i], points[(i + 1) % points.Count]);
            twice += a.X * b.Y - b.X * a.Y;
        }
        return Math.Abs(twice) / 2;
    }
}
