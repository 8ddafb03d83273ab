using System.Buffers.Binary;
using System.Text.Json;
using Labelforge.Core.Media;

namespace Labelforge.Core.Tests.Media;

public sealed class ImageHeadersTests
{
    private static ImageHeader? Read(byte[] bytes, out string problem)
    {
        using var stream = new MemoryStream(bytes);
        return ImageHeaders.Read(stream, out problem);
    }

    [Fact]
    public void Png_size_comes_from_IHDR()
    {
        var header = Read(TestImages.Png(28, 28, new byte[28 * 28]), out _);
        Assert.Equal(new ImageHeader("image/png", ".png", 28, 28), header);
    }

    [Fact]
    public void Jpeg_sizes_of_every_coco_tiny_image_match_the_annotation_file()
    {
        using var coco = JsonDocument.Parse(File.ReadAllBytes(TestImages.CocoJson));
        var checkedImages = 0;
        foreach (var image in coco.RootElement.GetProperty("images").EnumerateArray())
        {
            using var file = File.OpenRead(Path.Combine(TestImages.CocoImages, image.GetProperty("file_name").GetString()!));
            var header = ImageHeaders.Read(file, out var problem);
            Assert.True(header is not null, problem);
            Assert.Equal(("image/jpeg", image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32()), (header.MediaType, header.Width, header.Height));
            checkedImages++;
        }
        Assert.Equal(16, checkedImages);
    }

    [Fact]
    public void Jpeg_frame_header_is_found_after_a_large_exif_block_and_fill_bytes()
    {
        var app1 = new byte[4 + 40_000];
        app1[0] = 0xFF;
        app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), 40_002 - 2 + 2);
        byte[] sof = [0xFF, 0xFF, 0xC2, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03];
        var bytes = new byte[] { 0xFF, 0xD8 }.Concat(app1).Concat(sof).ToArray();
        Assert.Equal(new ImageHeader("image/jpeg", ".jpg", 640, 480), Read(bytes, out _));
    }

    [Fact]
    public void Jpeg_without_a_frame_header_before_the_scan_is_an_error()
    {
        Assert.Null(Read([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02], out var problem));
        Assert.Equal("JPEG has no frame header (SOF) before its image data", problem);
    }

    [Fact]
    public void Gif_size_is_the_logical_screen()
    {
        byte[] gif = [.. "GIF89a"u8, 0x2C, 0x01, 0xC8, 0x00, 0, 0, 0];
        Assert.Equal(new ImageHeader("image/gif", ".gif", 300, 200), Read(gif, out _));
    }

    [Fact]
    public void Bmp_top_down_height_is_read_as_positive()
    {
        var bmp = new byte[54];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteUInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), 120);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), -90);
        Assert.Equal(new ImageHeader("image/bmp", ".bmp", 120, 90), Read(bmp, out _));
    }

    [Fact]
    public void WebP_sizes_from_lossy_lossless_and_extended_chunks()
    {
        Assert.Equal((400, 301), Size(WebP("VP8 "u8, [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A, 0x90, 0x01, 0x2D, 0x01])));
        // VP8L: signature 0x2F, then 14 bits width - 1 = 299 and 14 bits height - 1 = 199.
        var bits = 299u | (199u << 14);
        Assert.Equal((300, 200), Size(WebP("VP8L"u8, [0x2F, (byte)bits, (byte)(bits >> 8), (byte)(bits >> 16), (byte)(bits >> 24), 0, 0, 0, 0, 0])));
        // VP8X: flags and reserved (4 bytes), then 24-bit width - 1 = 1023 and height - 1 = 767.
        Assert.Equal((1024, 768), Size(WebP("VP8X"u8, [0, 0, 0, 0, 0xFF, 0x03, 0x00, 0xFF, 0x02, 0x00])));
    }

    private static byte[] WebP(ReadOnlySpan<byte> chunk, byte[] data) => [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8, .. chunk, (byte)data.Length, 0, 0, 0, .. data];

    private static (int, int) Size(byte[] bytes)
    {
        var header = Read(bytes, out var problem);
        Assert.True(header is not null, problem);
        Assert.Equal("image/webp", header.MediaType);
        return (header.Width, header.Height);
    }

    [Theory]
    [InlineData(new byte[0], "file is empty")]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0x00 }, "not a PNG, JPEG, GIF, WebP or BMP image (unrecognized header); convert it to one of those formats")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, "image header is cut short; the file is truncated or damaged")]
    public void Unreadable_files_say_why(byte[] bytes, string expected)
    {
        Assert.Null(Read(bytes, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void A_zero_size_is_impossible()
    {
        byte[] gif = [.. "GIF87a"u8, 0, 0, 10, 0];
        Assert.Null(Read(gif, out var problem));
        Assert.Equal("image/gif header gives an impossible size 0 x 10", problem);
    }
}
