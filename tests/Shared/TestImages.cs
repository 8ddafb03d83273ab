using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Labelforge.Tests;

/// <summary>
/// Image files for tests: MNIST digits from the shared dataset written as real 8-bit grayscale PNGs (IHDR, zlib
/// IDAT, CRC-32 per chunk), and the COCO tiny JPEGs.
/// </summary>
internal static class TestImages
{
    public static string MnistImages => Path.Combine(TestPaths.Datasets, "mnist-test", "t10k-images-idx3-ubyte.gz");

    public static string MnistLabels => Path.Combine(TestPaths.Datasets, "mnist-test", "t10k-labels-idx1-ubyte.gz");

    public static string CocoImages => Path.Combine(TestPaths.Datasets, "coco-tiny", "small_coco", "train_2017_small");

    public static string CocoJson => Path.Combine(TestPaths.Datasets, "coco-tiny", "small_coco", "instances_train2017_small.json");

    /// <summary>The first <paramref name="count"/> MNIST test digits: 28 x 28 pixels each and their labels.</summary>
    public static (byte[][] Pixels, byte[] Labels) Mnist(int count)
    {
        using var images = new GZipStream(File.OpenRead(MnistImages), CompressionMode.Decompress);
        using var labels = new GZipStream(File.OpenRead(MnistLabels), CompressionMode.Decompress);
        var header = new byte[16];
        images.ReadExactly(header);
        if (BinaryPrimitives.ReadInt32BigEndian(header) != 2051)
            throw new InvalidDataException("not an IDX image file");
        labels.ReadExactly(header.AsSpan(0, 8));
        var pixels = new byte[count][];
        var classes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            pixels[i] = new byte[28 * 28];
            images.ReadExactly(pixels[i]);
        }
        labels.ReadExactly(classes);
        return (pixels, classes);
    }

    /// <summary>
    /// Writes the first <paramref name="count"/> MNIST digits as PNGs under <paramref name="folder"/>: in class folders
    /// ("7/00000.png") when <paramref name="classFolders"/>, else flat ("00000.png"). Returns the relative paths and labels.
    /// </summary>
    public static List<(string Path, string Label)> WriteMnist(string folder, int count, bool classFolders)
    {
        var (pixels, labels) = Mnist(count);
        var written = new List<(string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var label = labels[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            var relative = classFolders ? $"{label}/{i:D5}.png" : $"{i:D5}.png";
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, Png(28, 28, pixels[i]));
            written.Add((relative, label));
        }
        return written;
    }

    /// <summary>An 8-bit grayscale PNG of <paramref name="gray"/> (row-major, width x height bytes).</summary>
    public static byte[] Png(int width, int height, ReadOnlySpan<byte> gray)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth; colour type 0 (gray), compression, filter and interlace 0
        Chunk(output, "IHDR", ihdr);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                z.WriteByte(0); // filter: none
                z.Write(gray.Slice(y * width, width));
            }
        }
        Chunk(output, "IDAT", raw.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        output.Write(number);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
