using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Import.Readers.Images;
using Labelforge.Core.Import.Readers.Objects;

namespace Labelforge.Core.Import.Readers.LabelStudio;

/// <summary>
/// The image objects of a Label Studio annotation or prediction: its "rectanglelabels" results ({"value": {"x", "y",
/// "width", "height", "rotation", "rectanglelabels": [...]}}) and "polygonlabels" results ({"value": {"points":
/// [[x, y], ...], "polygonlabels": [...]}}), one object per label. Label Studio gives coordinates in percent of the
/// image; they are read as percent here (<see cref="ImportedObject.InPercent"/>) and turned into pixels by the image
/// reader, which knows the image's size (<see cref="LabelStudioImageReader"/>). A rotated rectangle is an error: the
/// object model holds axis-aligned boxes.
/// </summary>
internal static class LabelStudioObjects
{
    /// <summary>Key on a result where our exporter keeps the object's attributes (VOC flags, a COCO crowd mask).</summary>
    public const string AttributesKey = "labelforge_attributes";

    public sealed record Found(List<ImportedObject> Objects, LabelStudioControl? Control);

    public static (Found? Objects, (string Field, string Message)? Problem) Read(JsonElement annotation, string field)
    {
        if (!annotation.TryGetProperty("result", out var results) || results.ValueKind != JsonValueKind.Array)
            return (null, null);
        Found? found = null;
        var index = -1;
        foreach (var result in results.EnumerateArray())
        {
            index++;
            var type = result.ValueKind == JsonValueKind.Object && result.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type is not ("rectanglelabels" or "polygonlabels"))
                continue;
            var at = $"{field}.result[{index}].value";
            if (!result.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                return (null, (at, $"a \"{type}\" result needs a \"value\" object"));
            if (!value.TryGetProperty(type, out var labels) || labels.ValueKind != JsonValueKind.Array || labels.GetArrayLength() == 0
                || labels.EnumerateArray().Any(l => l.ValueKind != JsonValueKind.String || l.GetString()!.Trim().Length == 0))
                return (null, (at + "." + type, $"a \"{type}\" result needs a non-empty \"{type}\" list of label names"));
            ImageBox? box = null;
            ImagePoint[]? polygon = null;
            if (type == "rectanglelabels")
            {
                if (!Number(value, "x", out var x) || !Number(value, "y", out var y) || !Number(value, "width", out var w) || !Number(value, "height", out var h) || w < 0 || h < 0)
                    return (null, (at, "a \"rectanglelabels\" value needs numbers x, y, width and height (percent of the image), width and height not negative"));
                if (Number(value, "rotation", out var rotation) && rotation != 0)
                    return (null, (at + ".rotation", $"rotated rectangles ({ObjectCoordinates.Text(rotation)} degrees) are not supported; objects are axis-aligned boxes"));
                box = new ImageBox(x, y, w, h);
            }
            else
            {
                polygon = Points(value);
                if (polygon is null)
                    return (null, (at + ".points", "a \"polygonlabels\" value needs \"points\": at least 3 [x, y] pairs (percent of the image)"));
            }
            found ??= new Found([], LabelStudioResults.Control(result));
            var attributes = result.TryGetProperty(AttributesKey, out var a) && a.ValueKind == JsonValueKind.Object
                ? ObjectAttributes.Of(a.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!)))
                : null;
            foreach (var label in labels.EnumerateArray())
                found.Objects.Add(new ImportedObject(label.GetString()!, box, polygon) { InPercent = true, Attributes = attributes });
        }
        return (found, null);
    }

    private static ImagePoint[]? Points(JsonElement value)
    {
        if (!value.TryGetProperty("points", out var points) || points.ValueKind != JsonValueKind.Array || points.GetArrayLength() < 3)
            return null;
        var result = new ImagePoint[points.GetArrayLength()];
        var i = 0;
        foreach (var p in points.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() != 2 || p[0].ValueKind != JsonValueKind.Number || p[1].ValueKind != JsonValueKind.Number
                || !double.IsFinite(p[0].GetDouble()) || !double.IsFinite(p[1].GetDouble()))
                return null;
            result[i++] = new ImagePoint(p[0].GetDouble(), p[1].GetDouble());
        }
        return result;
    }

    private static bool Number(JsonElement value, string name, out double number)
    {
        number = 0;
        return value.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out number) && double.IsFinite(number);
    }
}
