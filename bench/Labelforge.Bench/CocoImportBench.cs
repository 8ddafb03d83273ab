using System.Diagnostics;
using System.Globalization;
using System.Text;
using Labelforge.Core.Import.Readers.Objects;
using Labelforge.Core.Media;
using Labelforge.Tests;

namespace Labelforge.Bench;

/// <summary>
/// Reads a generated COCO instances file of 100,000 images (LF_BENCH_COCO_IMAGES) with 7 boxes and one 8-point
/// polygon each, the images named in it being 1,000 distinct small PNGs on disk (by reference, so the store records
/// paths), through the COCO reader alone (no database): seconds, file size and peak working set, to show the reader
/// holds the objects, not a DOM of the file.
/// </summary>
internal static class CocoImportBench
{
    public static async Task RunAsync()
    {
        var images = int.Parse(Environment.GetEnvironmentVariable("LF_BENCH_COCO_IMAGES") ?? "100000", CultureInfo.InvariantCulture);
        var root = Path.Combine(Path.GetTempPath(), "lf-bench-coco-" + Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(root, "images");
        Directory.CreateDirectory(folder);
        try
        {
            var distinct = Math.Min(images, 1000);
            for (var i = 0; i < distinct; i++)
            {
                var pixels = new byte[64 * 48];
                new Random(i).NextBytes(pixels);
                await File.WriteAllBytesAsync(Path.Combine(folder, $"i{i}.png"), TestImages.Png(64, 48, pixels));
            }
            var json = Path.Combine(root, "instances.json");
            Write(json, images, distinct);
            var bytes = new FileInfo(json).Length;
            var store = new FolderMediaStore(Path.Combine(root, "media"));
            using var memory = PeakMemory.Start();
            var clock = Stopwatch.StartNew();
            long records = 0, objects = 0, errors = 0;
            await foreach (var entry in CocoReader.ReadAsync(json, new ObjectImportSource(store, folder, Reference: true)))
            {
                if (entry.Record is { } record)
                {
                    records++;
                    objects += record.Annotations[0].Objects!.Count;
                }
                else
                    errors++;
            }
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"## COCO reader on a generated file of {images:N0} images");
            Console.WriteLine();
            Console.WriteLine("| file | images read | objects | errors | seconds | images / s | peak working set |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            Console.WriteLine($"| {bytes / 1048576.0:F1} MiB | {records:N0} | {objects:N0} | {errors} | {seconds:F1} | {records / seconds:N0} | {memory.PeakBytes / 1048576.0:F0} MiB |");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Write(string path, int images, int distinct)
    {
        var random = new Random(15);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("{\"info\":{\"description\":\"generated\"},\"images\":[");
        for (var i = 0; i < images; i++)
            writer.Write($"{(i == 0 ? "" : ",")}\n{{\"id\":{i + 1},\"file_name\":\"i{i % distinct}.png\",\"width\":64,\"height\":48}}");
        writer.Write("],\"annotations\":[");
        var id = 0;
        for (var i = 0; i < images; i++)
        {
            for (var k = 0; k < 8; k++)
            {
                var (x, y) = (random.NextDouble() * 30, random.NextDouble() * 20);
                var segmentation = k < 7 ? "[]" : "[[" + string.Join(",", Enumerable.Range(0, 8).Select(p => F(p % 2 == 0 ? x + random.NextDouble() * 30 : y + random.NextDouble() * 20))) + "]]";
                writer.Write($"{(id == 0 ? "" : ",")}\n{{\"id\":{++id},\"image_id\":{i + 1},\"category_id\":{1 + k % 5},\"bbox\":[{F(x)},{F(y)},{F(1 + random.NextDouble() * 30)},{F(1 + random.NextDouble() * 25)}],\"area\":1,\"iscrowd\":0,\"segmentation\":{segmentation}}}");
            }
        }
        writer.Write("],\"categories\":[");
        writer.Write(string.Join(",", Enumerable.Range(1, 5).Select(c => $"{{\"id\":{c},\"name\":\"c{c}\",\"supercategory\":\"all\"}}")));
        writer.Write("]}\n");
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
