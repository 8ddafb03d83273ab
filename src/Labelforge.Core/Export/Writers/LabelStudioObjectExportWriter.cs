using Labelforge.Core.Annotations;
using Labelforge.Core.Import.Readers.LabelStudio;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// An image-objects item as a Label Studio task: "data" (the image document, whose "image" key Label Studio's
/// templates read as $image), "meta" with our ids, and the latest given annotation as one annotation whose results
/// are "rectanglelabels" (x, y, width, height in percent of the image, rotation 0) and "polygonlabels" (points in
/// percent), each with original_width and original_height, named with the project's control names (default
/// "label" → "image", Label Studio's object-detection template), and "labelforge_author"/"labelforge_kind" so an
/// import of the file restores the author. Percentages come from <see cref="ObjectCoordinates.ToPercent"/>, so a
/// re-import gives the same pixels. Object attributes go into "labelforge_attributes" on the result.
/// </summary>
internal static class LabelStudioObjectExportWriter
{
    public static void Write(ExportBuffer buffer, ObjectExportItem item, ObjectCategories categories, LabelStudioControl control)
    {
        var json = buffer.BeginJson();
        LabelStudioTaskHead.Write(json, item.Id, item.Document, item.ExternalId);
        json.WriteStartArray("annotations"u8);
        if (item.Objects is { } objects)
        {
            json.WriteStartObject();
            json.WriteBoolean("was_cancelled"u8, false);
            json.WriteStartArray("result"u8);
            var n = 0;
            foreach (var o in objects)
            {
                var type = o.Box is null ? "polygonlabels" : "rectanglelabels";
                json.WriteStartObject();
                json.WriteString("id"u8, $"o{item.Id}-{n++}");
                json.WriteString("from_name"u8, control.FromName);
                json.WriteString("to_name"u8, control.ToName);
                json.WriteString("type"u8, type);
                json.WriteNumber("original_width"u8, item.Width);
                json.WriteNumber("original_height"u8, item.Height);
                json.WriteNumber("image_rotation"u8, 0);
                json.WriteStartObject("value"u8);
                if (o.Box is { } b)
                {
                    json.WriteNumber("x"u8, ObjectCoordinates.ToPercent(b.X, item.Width));
                    json.WriteNumber("y"u8, ObjectCoordinates.ToPercent(b.Y, item.Height));
                    json.WriteNumber("width"u8, ObjectCoordinates.ToPercent(b.Width, item.Width));
                    json.WriteNumber("height"u8, ObjectCoordinates.ToPercent(b.Height, item.Height));
                    json.WriteNumber("rotation"u8, 0);
                }
                else
                {
                    json.WriteStartArray("points"u8);
                    foreach (var p in o.Polygon ?? [])
                    {
                        json.WriteStartArray();
                        json.WriteNumberValue(ObjectCoordinates.ToPercent(p.X, item.Width));
                        json.WriteNumberValue(ObjectCoordinates.ToPercent(p.Y, item.Height));
                        json.WriteEndArray();
                    }
                    json.WriteEndArray();
                    json.WriteBoolean("closed"u8, true);
                }
                json.WriteStartArray(type);
                json.WriteStringValue(categories.Name(o.LabelId));
                json.WriteEndArray();
                json.WriteEndObject();
                if (o.Attributes is { Count: > 0 } attributes)
                {
                    json.WriteStartObject(LabelStudioObjects.AttributesKey);
                    foreach (var (key, value) in attributes)
                        json.WriteString(key, value);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString(LabelStudioTaskMapper.AuthorKey, item.Author);
            json.WriteString("labelforge_kind"u8, item.Kind);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        buffer.EndJson();
    }
}
