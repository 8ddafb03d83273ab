using System.Security.Cryptography;
using Labelforge.Core.Media;

namespace Labelforge.Core.Tests.Media;

public sealed class FolderMediaStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "lf-media-" + Guid.NewGuid().ToString("N"));

    public FolderMediaStoreTests() => Directory.CreateDirectory(_dir);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task A_copy_is_keyed_by_the_sha256_of_its_bytes_and_stored_once()
    {
        var bytes = TestImages.Png(2, 2, [0, 64, 128, 255]);
        var store = new FolderMediaStore(Path.Combine(_dir, "media"));
        var first = await store.AddAsync(WriteFile("a.png", bytes), ".png", reference: false, Ct);
        var second = await store.AddAsync(WriteFile("b.png", bytes), ".png", reference: false, Ct);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)) + ".png", first);
        Assert.Equal(first, second);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(_dir, "media", "blobs"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_dir, "media", "tmp")));
        var file = store.Find(first)!;
        Assert.Equal(("image/png", bytes.LongLength), (file.MediaType, file.Length));
        await using var stream = file.OpenRead();
        Assert.True(stream.CanSeek);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task A_reference_serves_the_original_until_it_changes()
    {
        var path = WriteFile("c.png", TestImages.Png(1, 1, [7]));
        var store = new FolderMediaStore(Path.Combine(_dir, "media"));
        var key = await store.AddAsync(path, ".png", reference: true, Ct);
        Assert.False(Directory.Exists(Path.Combine(_dir, "media", "blobs")));
        Assert.Equal(new FileInfo(path).Length, store.Find(key)!.Length);
        File.WriteAllBytes(path, TestImages.Png(1, 1, [8, 9]));
        Assert.Null(store.Find(key));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000.png/../../x")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000.exe")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000000.png")]
    [InlineData("AB00000000000000000000000000000000000000000000000000000000000000.png")]
    public void Keys_that_are_not_content_addresses_name_no_file(string key)
    {
        var store = new FolderMediaStore(Path.Combine(_dir, "media"));
        Assert.False(MediaKeys.IsValid(key));
        Assert.Null(store.Find(key));
    }

    [Fact]
    public void The_default_folder_is_beside_the_database()
    {
        Assert.Equal(Path.Combine(_dir, "project.media"), FolderMediaStore.BesideDatabase(Path.Combine(_dir, "project.db")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
