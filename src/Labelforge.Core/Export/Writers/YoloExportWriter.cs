using System.Text;
using Labelforge.Core.Annotations;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// One YOLO txt file per annotated image (a.jpg → a.txt, sub/b.png → sub/b.txt; an empty file for an image with no
/// objects), a box as <c>class cx cy w h</c> and a polygon as <c>class x1 y1 x2 y2 ...</c>, normalized to the image
/// size by <see cref="ObjectCoordinates"/> (so a re-import gives the same pixels), and classes.txt with one class
/// name a line (line 1 = class 0, <see cref="ObjectCategories"/>). Object attributes have no place in YOLO files.
/// </summary>
internal static class YoloExportWriter
{
    public static async Task WriteAsync(string folder, ObjectExportItem item, ObjectCategories categories, CancellationToken ct)
    {
        var text = new StringBuilder();
        foreach (var o in item.Objects ?? [])
        {
            text.Append(categories.Index(o.LabelId));
            if (o.Box is { } b)
            {
                var wn = ObjectCoordinates.ToNormalized(b.Width, item.Width);
                var hn = ObjectCoordinates.ToNormalized(b.Height, item.Height);
                Append(text, ObjectCoordinates.ToNormalizedCenter(b.X, wn, item.Width));
                Append(text, ObjectCoordinates.ToNormalizedCenter(b.Y, hn, item.Height));
                Append(text, wn);
                Append(text, hn);
            }
            else
            {
                foreach (var p in o.Polygon ?? [])
                {
                    Append(text, ObjectCoordinates.ToNormalized(p.X, item.Width));
                    Append(text, ObjectCoordinates.ToNormalized(p.Y, item.Height));
                }
            }
            text.Append('\n');
        }
        await File.WriteAllTextAsync(ObjectFiles.PathFor(folder, item.Image, ".txt"), text.ToString(), ct);
    }

    public static Task WriteClassesAsync(string folder, ObjectCategories categories, CancellationToken ct) =>
        File.WriteAllTextAsync(Path.Combine(folder, "classes.txt"), string.Concat(categories.All().Select(c => c.Name + "\n")), ct);

    private static void Append(StringBuilder text, double value) => text.Append(' ').Append(ObjectCoordinates.Text(value));
}
