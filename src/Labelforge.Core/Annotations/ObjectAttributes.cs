namespace Labelforge.Core.Annotations;

/// <summary>
/// Names of the object attributes the image formats carry (<see cref="ImageObject.Attributes"/>). Values are strings:
/// "1" for a set flag (a flag that is not set is left out), the text for a pose, and for <see cref="Mask"/> the COCO
/// run-length encoding exactly as the file wrote it (compact JSON), which Labelforge keeps but does not draw.
/// </summary>
public static class ObjectAttributes
{
    /// <summary>VOC: the object is hard to recognize (evaluations usually ignore it).</summary>
    public const string Difficult = "difficult";

    /// <summary>VOC: the object extends beyond the image or is cut by its edge.</summary>
    public const string Truncated = "truncated";

    /// <summary>VOC: the view of the object (Frontal, Left, ...); "Unspecified" is left out.</summary>
    public const string Pose = "pose";

    /// <summary>VOC: the object is largely hidden.</summary>
    public const string Occluded = "occluded";

    /// <summary>COCO iscrowd = 1: a group of objects marked by one region.</summary>
    public const string Crowd = "crowd";

    /// <summary>COCO: the RLE segmentation of a crowd region, verbatim JSON.</summary>
    public const string Mask = "mask";

    /// <summary>COCO: the area the file gave a crowd region (its mask's pixel count, which a box cannot recompute).</summary>
    public const string Area = "area";

    /// <summary>A flag's value.</summary>
    public const string Set = "1";

    /// <summary>Null for no attributes, else the pairs in ordinal key order (so equal sets store and compare the same).</summary>
    public static IReadOnlyDictionary<string, string>? Of(IEnumerable<KeyValuePair<string, string>>? pairs)
    {
        if (pairs is null)
            return null;
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
            sorted[key] = value;
        return sorted.Count == 0 ? null : sorted;
    }

    public static bool Same(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0))
            return false;
        if (a is null || b is null)
            return true;
        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || other != value)
                return false;
        }
        return true;
    }

    /// <summary>True when <paramref name="name"/> is set to <see cref="Set"/>.</summary>
    public static bool Has(this ImageObject o, string name) => o.Attributes is { } a && a.TryGetValue(name, out var v) && v == Set;

    public static string? Get(this ImageObject o, string name) => o.Attributes is { } a && a.TryGetValue(name, out var v) ? v : null;
}
