using System.Text.Json;
using Labelforge.Engine.Objects;

namespace Labelforge.Engine.Tests.Objects;

/// <summary>The boxes of the shared COCO tiny set (16 images, 197 annotations), per image, with category ids as labels.</summary>
internal static class CocoTinyBoxes
{
    public static List<(Box[] Boxes, int[] Labels)> Load()
    {
        var path = Path.Combine(TestPaths.Datasets, "coco-tiny", "small_coco", "instances_train2017_small.json");
        using var coco = JsonDocument.Parse(File.ReadAllBytes(path));
        var byImage = coco.RootElement.GetProperty("images").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetInt64(), _ => new List<(Box, int)>());
        foreach (var a in coco.RootElement.GetProperty("annotations").EnumerateArray())
        {
            var b = a.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            byImage[a.GetProperty("image_id").GetInt64()].Add((Box.FromXywh(b[0], b[1], b[2], b[3]), a.GetProperty("category_id").GetInt32()));
        }
        return [.. byImage.Values.Select(l => (l.Select(x => x.Item1).ToArray(), l.Select(x => x.Item2).ToArray()))];
    }
}
