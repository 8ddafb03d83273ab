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
    public static async Task WriteAsync(ObjectFiles files, ObjectExportItem item, ObjectCategories categories, CancellationToken ct)
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
        await WriteTextAsync(files, ObjectFiles.RelativeFor(item.Image, ".txt"), text.ToString(), ct);
    }

    public static Task WriteClassesAsync(ObjectFiles files, ObjectCategories categories, CancellationToken ct) =>
        WriteTextAsync(files, "classes.txt", string.Concat(categories.All().Select(c => c.Name + "\n")), ct);

    private static async Task WriteTextAsync(ObjectFiles files, string relative, string text, CancellationToken ct)
    {
        await using var file = await files.CreateAsync(relative, ct);
        await file.WriteAsync(new UTF8Encoding(false).GetBytes(text), ct);
    }

    private static void Append(StringBuilder text, double value) => text.Append(' ').Append(ObjectCoordinates.Text(value));
}
