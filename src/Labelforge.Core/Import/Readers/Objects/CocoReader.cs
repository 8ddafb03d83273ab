using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Import.Readers.Images;
using Labelforge.Core.Import.Readers.Json;

namespace Labelforge.Core.Import.Readers.Objects;

/// <summary>
/// Reads a COCO instances file: one item per entry of "images" (the file found under the images folder by its
/// file_name, else by its base name), with one imported annotation holding its objects, an empty one for an image
/// without objects. Each polygon ring of a "segmentation" is one object (a COCO annotation of two rings becomes two
/// objects); an annotation without polygons is its "bbox"; an RLE segmentation (iscrowd 1) is kept as the box with the
/// RLE verbatim in the <see cref="ObjectAttributes.Mask"/> attribute and <see cref="ObjectAttributes.Crowd"/> set, so
/// an export writes it back unchanged. Categories are read flat: the label is the category's name and supercategory is
/// not imported. The file is parsed with <see cref="Utf8JsonReader"/>, one element at a time, keeping only the
/// compact objects; errors carry the line of the element and its field path (annotations[12].bbox). A problem with an
/// annotation makes its image's row bad, so nothing of that image is stored.
/// </summary>
public static class CocoReader
{
    private sealed record CocoImage(long Id, string FileName, int Width, int Height, long Line, int Index);

    private sealed record CocoObject(long CategoryId, ImageBox? Box, ImagePoint[]? Polygon, IReadOnlyDictionary<string, string>? Attributes, long Line, int Index);

    private sealed class Parsed
    {
        public ImportError? FileProblem;
        public readonly List<CocoImage> Images = [];
        public readonly Dictionary<long, string> Categories = [];
        public readonly Dictionary<long, List<CocoObject>> Objects = [];
        public readonly Dictionary<long, List<ImportError>> ImageProblems = [];
        public readonly List<ImportError> Loose = [];
        public readonly HashSet<long> BadImages = [];
        public readonly HashSet<long> ImageIds = [];
        public bool SawImages;
    }

    public static async IAsyncEnumerable<ImportEntry> ReadAsync(string path, ObjectImportSource source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!File.Exists(path))
        {
            yield return Bad(path, 0, null, "file not found");
            yield break;
        }
        var data = await File.ReadAllBytesAsync(path, ct);
        var parsed = Parse(data, path);
        if (parsed.FileProblem is { } fileProblem)
        {
            yield return ImportEntry.Bad(fileProblem);
            yield break;
        }
        foreach (var problem in parsed.Loose)
            yield return ImportEntry.Bad(problem);
        var folder = source.Images ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var image in parsed.Images)
        {
            ct.ThrowIfCancellationRequested();
            if (parsed.ImageProblems.TryGetValue(image.Id, out var problems))
            {
                foreach (var problem in problems)
                    yield return ImportEntry.Bad(problem);
                continue;
            }
            yield return await ImageAsync(path, folder, image, parsed, source, ct);
        }
    }

    private static async Task<ImportEntry> ImageAsync(string path, string folder, CocoImage image, Parsed parsed, ObjectImportSource source, CancellationToken ct)
    {
        var field = $"images[{image.Index}].file_name";
        var relative = ImageItems.Find(folder, [image.FileName, Path.GetFileName(image.FileName)]);
        if (relative is null)
            return Bad(path, image.Line, field, $"no image '{image.FileName}' in {folder}; pass --images DIR with the folder the file names are relative to");
        var (item, problem) = await ImageItems.LoadAsync(Path.Combine(folder, relative), relative, source.Store, source.Reference, ct);
        if (item is null)
            return Bad(path, image.Line, field, $"{relative}: {problem}");
        if (item.Header.Width != image.Width || item.Header.Height != image.Height)
            return Bad(path, image.Line, $"images[{image.Index}].width", $"the file says {image.Width}x{image.Height} but {relative} is {item.Header.Width}x{item.Header.Height}; fix width and height (coordinates are pixels of that size)");
        var objects = parsed.Objects.TryGetValue(image.Id, out var found)
            ? found.Select(o => new ImportedObject(parsed.Categories[o.CategoryId], o.Box, o.Polygon) { Attributes = o.Attributes, CategoryId = o.CategoryId }).ToArray()
            : [];
        return ImportEntry.Ok(item.Record(path, image.Line, [new ImportedAnnotation(null, AnnotationKind.Import, []) { Field = "annotations", Objects = objects }]));
    }

    private static Parsed Parse(byte[] data, string path)
    {
        var parsed = new Parsed();
        var lines = new JsonLines(data);
        var start = data.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var reader = new Utf8JsonReader(data.AsSpan(start), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                parsed.FileProblem = new ImportError(path, 0, null, "a COCO file is one JSON object with \"images\", \"annotations\" and \"categories\"");
                return parsed;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "images":
                        parsed.SawImages = true;
                        ReadArray(ref reader, lines, start, path, name, parsed, (e, line, i) => AddImage(e, line, i, path, parsed));
                        break;
                    case "annotations":
                        ReadArray(ref reader, lines, start, path, name, parsed, (e, line, i) => AddAnnotation(e, line, i, path, parsed));
                        break;
                    case "categories":
                        ReadArray(ref reader, lines, start, path, name, parsed, (e, line, i) => AddCategory(e, line, i, path, parsed));
                        break;
                    default:
                        reader.Skip();
                        break;
                }
                if (parsed.FileProblem is not null)
                    return parsed;
            }
        }
        catch (JsonException ex)
        {
            parsed.FileProblem = new ImportError(path, (ex.LineNumber ?? 0) + 1, null, JsonErrors.Describe(ex));
            return parsed;
        }
        if (!parsed.SawImages)
            parsed.FileProblem = new ImportError(path, 0, "images", "the file has no \"images\" list; is it a COCO instances file?");
        else
            Resolve(path, parsed);
        return parsed;
    }

    private delegate void ElementHandler(JsonElement element, long line, int index);

    private static void ReadArray(ref Utf8JsonReader reader, JsonLines lines, int start, string path, string name, Parsed parsed, ElementHandler handle)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            parsed.FileProblem = new ImportError(path, lines.At(start + reader.TokenStartIndex), name, $"\"{name}\" must be a list");
            return;
        }
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var line = lines.At(start + reader.TokenStartIndex);
            using var element = JsonDocument.ParseValue(ref reader);
            handle(element.RootElement, line, index++);
        }
    }

    private static void AddImage(JsonElement e, long line, int index, string path, Parsed parsed)
    {
        var at = $"images[{index}]";
        string? problem = null;
        if (!Long(e, "id", out var id))
            problem = "needs an integer \"id\"";
        else if (!e.TryGetProperty("file_name", out var file) || file.ValueKind != JsonValueKind.String || file.GetString()!.Length == 0)
            problem = "needs a \"file_name\"";
        else if (!Long(e, "width", out var width) || !Long(e, "height", out var height) || width <= 0 || height <= 0 || width > int.MaxValue || height > int.MaxValue)
            problem = "needs positive integer \"width\" and \"height\" (pixels)";
        else
        {
            if (!parsed.ImageIds.Add(id))
            {
                parsed.Loose.Add(new ImportError(path, line, at + ".id", $"image id {id} is listed twice"));
                return;
            }
            parsed.Images.Add(new CocoImage(id, file.GetString()!, (int)width, (int)height, line, index));
            return;
        }
        if (Long(e, "id", out var badId))
            parsed.BadImages.Add(badId);
        parsed.Loose.Add(new ImportError(path, line, at, $"image {problem}"));
    }

    private static void AddCategory(JsonElement e, long line, int index, string path, Parsed parsed)
    {
        if (!Long(e, "id", out var id) || !e.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString()!.Trim().Length == 0)
        {
            parsed.Loose.Add(new ImportError(path, line, $"categories[{index}]", "a category needs an integer \"id\" and a \"name\""));
            return;
        }
        if (!parsed.Categories.TryAdd(id, name.GetString()!))
            parsed.Loose.Add(new ImportError(path, line, $"categories[{index}].id", $"category id {id} is listed twice"));
    }

    private static void AddAnnotation(JsonElement e, long line, int index, string path, Parsed parsed)
    {
        var at = $"annotations[{index}]";
        if (!Long(e, "image_id", out var imageId))
        {
            parsed.Loose.Add(new ImportError(path, line, at + ".image_id", "an annotation needs an integer \"image_id\""));
            return;
        }
        var (objects, field, problem) = Objects(e, line, index);
        if (problem is not null)
        {
            ImageProblem(parsed, imageId, new ImportError(path, line, at + field, problem));
            return;
        }
        if (!parsed.Objects.TryGetValue(imageId, out var list))
            parsed.Objects[imageId] = list = [];
        list.AddRange(objects!);
    }

    private static void ImageProblem(Parsed parsed, long imageId, ImportError error)
    {
        if (!parsed.ImageProblems.TryGetValue(imageId, out var list))
            parsed.ImageProblems[imageId] = list = [];
        list.Add(error);
    }

    private static (List<CocoObject>? Objects, string Field, string? Problem) Objects(JsonElement e, long line, int index)
    {
        if (!Long(e, "category_id", out var category))
            return (null, ".category_id", "an annotation needs an integer \"category_id\"");
        var crowd = e.TryGetProperty("iscrowd", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var crowdValue) && crowdValue != 0;
        var segmentation = e.TryGetProperty("segmentation", out var s) ? s : default;
        var attributes = new List<KeyValuePair<string, string>>();
        if (crowd)
            attributes.Add(KeyValuePair.Create(ObjectAttributes.Crowd, ObjectAttributes.Set));
        if (segmentation.ValueKind == JsonValueKind.Object)
        {
            attributes.Add(KeyValuePair.Create(ObjectAttributes.Mask, Compact(segmentation)));
            if (e.TryGetProperty("area", out var area) && area.ValueKind == JsonValueKind.Number)
                attributes.Add(KeyValuePair.Create(ObjectAttributes.Area, area.GetRawText()));
        }
        if (e.TryGetProperty("attributes", out var extra) && extra.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in extra.EnumerateObject())
            {
                var value = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.True => ObjectAttributes.Set,
                    JsonValueKind.Number => p.Value.GetRawText(),
                    _ => null,
                };
                if (value is not null && p.Name is not (ObjectAttributes.Crowd or ObjectAttributes.Mask or ObjectAttributes.Area))
                    attributes.Add(KeyValuePair.Create(p.Name, value));
            }
        }
        var kept = ObjectAttributes.Of(attributes);
        if (segmentation.ValueKind == JsonValueKind.Array && segmentation.GetArrayLength() > 0)
        {
            var objects = new List<CocoObject>();
            var ring = 0;
            foreach (var polygon in segmentation.EnumerateArray())
            {
                var numbers = Numbers(polygon);
                if (numbers is null || numbers.Length % 2 != 0 || numbers.Length < 6)
                    return (null, $".segmentation[{ring}]", "a polygon is a list of x, y pixel pairs with at least 3 points ([x1, y1, x2, y2, x3, y3, ...])");
                var points = new ImagePoint[numbers.Length / 2];
                for (var p = 0; p < points.Length; p++)
                    points[p] = new ImagePoint(numbers[2 * p], numbers[2 * p + 1]);
                objects.Add(new CocoObject(category, null, points, kept, line, index));
                ring++;
            }
            return (objects, "", null);
        }
        if (segmentation.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Array or JsonValueKind.Object))
            return (null, ".segmentation", "segmentation must be a list of polygons or an RLE object");
        var box = e.TryGetProperty("bbox", out var b) ? Numbers(b) : null;
        if (box is not { Length: 4 } || box[2] < 0 || box[3] < 0)
            return (null, ".bbox", "bbox must be [x, y, width, height] in pixels, width and height not negative");
        return ([new CocoObject(category, new ImageBox(box[0], box[1], box[2], box[3]), null, kept, line, index)], "", null);
    }

    /// <summary>Unknown categories and images, found once the whole file is read (COCO lists categories last).</summary>
    private static void Resolve(string path, Parsed parsed)
    {
        var images = parsed.ImageIds;
        foreach (var (imageId, objects) in parsed.Objects)
        {
            if (!images.Contains(imageId))
            {
                if (!parsed.BadImages.Contains(imageId))
                {
                    foreach (var o in objects.DistinctBy(o => o.Index))
                        parsed.Loose.Add(new ImportError(path, o.Line, $"annotations[{o.Index}].image_id", $"no image with id {imageId} in \"images\""));
                }
                continue;
            }
            foreach (var o in objects.Where(o => !parsed.Categories.ContainsKey(o.CategoryId)).DistinctBy(o => o.Index))
                ImageProblem(parsed, imageId, new ImportError(path, o.Line, $"annotations[{o.Index}].category_id", $"no category with id {o.CategoryId} in \"categories\""));
        }
        foreach (var imageId in parsed.ImageProblems.Keys.Where(id => !images.Contains(id) && !parsed.BadImages.Contains(id)).ToArray())
        {
            parsed.Loose.AddRange(parsed.ImageProblems[imageId]);
            parsed.ImageProblems.Remove(imageId);
        }
    }

    private static double[]? Numbers(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
            return null;
        var numbers = new double[array.GetArrayLength()];
        var i = 0;
        foreach (var n in array.EnumerateArray())
        {
            if (n.ValueKind != JsonValueKind.Number || !n.TryGetDouble(out var value) || !double.IsFinite(value))
                return null;
            numbers[i++] = value;
        }
        return numbers;
    }

    private static bool Long(JsonElement e, string name, out long value)
    {
        value = 0;
        return e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out value);
    }

    private static string Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            element.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ImportEntry Bad(string path, long line, string? field, string message) => ImportEntry.Bad(new ImportError(path, line, field, message));
}
