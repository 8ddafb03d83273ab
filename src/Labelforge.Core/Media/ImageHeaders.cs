using System.Buffers.Binary;

namespace Labelforge.Core.Media;

/// <summary>
/// Reads the format and pixel size of PNG, JPEG, GIF, WebP and BMP files from their headers, without decoding
/// pixels: PNG's IHDR chunk, GIF's logical screen, BMP's DIB header, WebP's VP8/VP8L/VP8X chunk, and JPEG's first
/// start-of-frame marker (found by walking the marker segments, seeking past each, so EXIF blocks are not read).
/// </summary>
public static class ImageHeaders
{
    /// <summary>Bytes every format but JPEG needs at most.</summary>
    private const int HeadBytes = 32;

    /// <summary>The extensions the image import takes, lower case with the dot.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp"];

    /// <summary>The header of <paramref name="stream"/> (seekable, at its start), or null with the reason in <paramref name="problem"/>.</summary>
    public static ImageHeader? Read(Stream stream, out string problem)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> head = stackalloc byte[HeadBytes];
        var n = stream.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
        head = head[..n];
        problem = "";
        ImageHeader? header;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            header = Png(head, out problem);
        else if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            header = n < 10 ? Truncated(out problem) : Sized("image/gif", ".gif", BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), BinaryPrimitives.ReadUInt16LittleEndian(head[8..]), out problem);
        else if (head.StartsWith("BM"u8))
            header = Bmp(head, out problem);
        else if (n >= 16 && head.StartsWith("RIFF"u8) && head[8..].StartsWith("WEBP"u8))
            header = WebP(head, out problem);
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            header = Jpeg(stream, out problem);
        else
            header = Unknown(head, out problem);
        return header;
    }

    private static ImageHeader? Png(ReadOnlySpan<byte> head, out string problem)
    {
        if (head.Length < 24 || !head[12..].StartsWith("IHDR"u8))
            return Truncated(out problem);
        return Sized("image/png", ".png", BinaryPrimitives.ReadUInt32BigEndian(head[16..]), BinaryPrimitives.ReadUInt32BigEndian(head[20..]), out problem);
    }

    private static ImageHeader? Bmp(ReadOnlySpan<byte> head, out string problem)
    {
        if (head.Length < 26)
            return Truncated(out problem);
        // BITMAPCOREHEADER (12 bytes) has 16-bit sizes; the later headers have signed 32-bit ones, a negative height meaning top-down rows.
        var dib = BinaryPrimitives.ReadUInt32LittleEndian(head[14..]);
        if (dib == 12)
            return Sized("image/bmp", ".bmp", BinaryPrimitives.ReadUInt16LittleEndian(head[18..]), BinaryPrimitives.ReadUInt16LittleEndian(head[20..]), out problem);
        var width = BinaryPrimitives.ReadInt32LittleEndian(head[18..]);
        var height = BinaryPrimitives.ReadInt32LittleEndian(head[22..]);
        return Sized("image/bmp", ".bmp", width, height == int.MinValue ? 0 : Math.Abs(height), out problem);
    }

    private static ImageHeader? WebP(ReadOnlySpan<byte> head, out string problem)
    {
        var chunk = head[12..16];
        if (chunk.SequenceEqual("VP8X"u8) && head.Length >= 30)
            return Sized("image/webp", ".webp", 1 + UInt24(head[24..]), 1 + UInt24(head[27..]), out problem);
        if (chunk.SequenceEqual("VP8L"u8) && head.Length >= 25 && head[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(head[21..]);
            return Sized("image/webp", ".webp", 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF), out problem);
        }
        if (chunk.SequenceEqual("VP8 "u8) && head.Length >= 30 && head[23..].StartsWith((ReadOnlySpan<byte>)[0x9D, 0x01, 0x2A]))
            return Sized("image/webp", ".webp", BinaryPrimitives.ReadUInt16LittleEndian(head[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(head[28..]) & 0x3FFF, out problem);
        return Truncated(out problem);
    }

    private static int UInt24(ReadOnlySpan<byte> b) => b[0] | (b[1] << 8) | (b[2] << 16);

    /// <summary>Walks JPEG marker segments from offset 2 to the first SOFn (not DHT C4, JPG C8, DAC CC) and reads its height and width.</summary>
    private static ImageHeader? Jpeg(Stream stream, out string problem)
    {
        stream.Position = 2;
        Span<byte> segment = stackalloc byte[9];
        while (true)
        {
            if (stream.ReadAtLeast(segment[..2], 2, throwOnEndOfStream: false) < 2)
                return Truncated(out problem);
            if (segment[0] != 0xFF)
            {
                problem = $"JPEG marker expected at byte {stream.Position - 2}; the file is damaged";
                return null;
            }
            var marker = segment[1];
            if (marker == 0xFF)
            {
                stream.Position -= 1; // fill byte: the next byte starts the marker again
                continue;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
                continue;
            if (marker is 0xD9 or 0xDA)
            {
                problem = "JPEG has no frame header (SOF) before its image data";
                return null;
            }
            if (stream.ReadAtLeast(segment[2..4], 2, throwOnEndOfStream: false) < 2)
                return Truncated(out problem);
            var length = BinaryPrimitives.ReadUInt16BigEndian(segment[2..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 7 || stream.ReadAtLeast(segment[4..9], 5, throwOnEndOfStream: false) < 5)
                    return Truncated(out problem);
                return Sized("image/jpeg", ".jpg", BinaryPrimitives.ReadUInt16BigEndian(segment[7..]), BinaryPrimitives.ReadUInt16BigEndian(segment[5..]), out problem);
            }
            if (length < 2)
                return Truncated(out problem);
            stream.Position += length - 2;
        }
    }

    private static ImageHeader? Sized(string mediaType, string extension, long width, long height, out string problem)
    {
        if (width is <= 0 or > int.MaxValue || height is <= 0 or > int.MaxValue)
        {
            problem = $"{mediaType} header gives an impossible size {width} x {height}";
            return null;
        }
        problem = "";
        return new ImageHeader(mediaType, extension, (int)width, (int)height);
    }

    private static ImageHeader? Truncated(out string problem)
    {
        problem = "image header is cut short; the file is truncated or damaged";
        return null;
    }

    private static ImageHeader? Unknown(ReadOnlySpan<byte> head, out string problem)
    {
        problem = head.Length == 0
            ? "file is empty"
            : "not a PNG, JPEG, GIF, WebP or BMP image (unrecognized header); convert it to one of those formats";
        return null;
    }
}
