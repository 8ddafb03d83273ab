using System.Security.Cryptography;
using System.Text.Json;

namespace Labelforge.Core.Media;

/// <summary>
/// The default <see cref="IMediaStore"/>: a folder (beside the database, <see cref="BesideDatabase"/>) holding
/// copies under <c>blobs/KK/KEY</c> (KK: the key's first two hex digits, so no folder grows past a few thousand
/// entries per million images) and references under <c>refs/KK/KEY.json</c> (the original's full path, length and
/// last write time). A copy is written to <c>tmp/</c> while it is hashed and then moved into place, so a key's
/// file is whole or absent. A referenced file that changed length or time since it was added is not served: its
/// key no longer names its bytes.
/// </summary>
public sealed class FolderMediaStore(string root) : IMediaStore
{
    private const int CopyBuffer = 1 << 16;

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The default folder of a database file: "labelforge.db" → "labelforge.media" in the same folder.</summary>
    public static string BesideDatabase(string dbPath) => Path.ChangeExtension(Path.GetFullPath(dbPath), ".media");

    public async Task<string> AddAsync(string path, string extension, bool reference, CancellationToken ct = default)
    {
        await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBuffer, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return reference ? await ReferenceAsync(source, extension, ct) : await CopyAsync(source, extension, ct);
    }

    private async Task<string> CopyAsync(FileStream source, string extension, CancellationToken ct)
    {
        var tmp = Directory.CreateDirectory(Path.Combine(Root, "tmp")).FullName;
        var temp = Path.Combine(tmp, Path.GetRandomFileName());
        string key;
        await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBuffer, FileOptions.Asynchronous))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[CopyBuffer];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            key = MediaKeys.Of(hash.GetHashAndReset(), extension);
        }
        var blob = BlobPath(key);
        if (File.Exists(blob))
        {
            File.Delete(temp);
            return key;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
        File.Move(temp, blob, overwrite: true);
        return key;
    }

    private async Task<string> ReferenceAsync(FileStream source, string extension, CancellationToken ct)
    {
        var key = MediaKeys.Of(await SHA256.HashDataAsync(source, ct), extension);
        if (File.Exists(BlobPath(key)))
            return key;
        var info = new FileInfo(source.Name);
        var entry = new MediaReference(info.FullName, info.Length, info.LastWriteTimeUtc.Ticks);
        var refPath = RefPath(key);
        Directory.CreateDirectory(Path.GetDirectoryName(refPath)!);
        var temp = refPath + "." + Path.GetRandomFileName();
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(entry), ct);
        File.Move(temp, refPath, overwrite: true);
        return key;
    }

    public MediaFile? Find(string key)
    {
        if (!MediaKeys.IsValid(key))
            return null;
        var blob = new FileInfo(BlobPath(key));
        if (blob.Exists)
            return Served(key, blob);
        var refPath = RefPath(key);
        if (!File.Exists(refPath))
            return null;
        MediaReference? entry;
        try
        {
            entry = JsonSerializer.Deserialize<MediaReference>(File.ReadAllBytes(refPath));
        }
        catch (JsonException)
        {
            return null; // a damaged record names no file; the next import of the image writes it again
        }
        if (entry is null)
            return null;
        var original = new FileInfo(entry.Path);
        return original.Exists && original.Length == entry.Length && original.LastWriteTimeUtc.Ticks == entry.LastWriteTicks
            ? Served(key, original)
            : null;
    }

    public Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        if (!MediaKeys.IsValid(key))
            return Task.FromResult(false);
        var deleted = false;
        foreach (var path in new[] { BlobPath(key), RefPath(key) })
        {
            if (File.Exists(path))
            {
                File.Delete(path);
                deleted = true;
            }
        }
        return Task.FromResult(deleted);
    }

    private static MediaFile Served(string key, FileInfo file) =>
        new(key, MediaKeys.MediaType(key), file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero),
            () => new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous));

    private string BlobPath(string key) => Path.Combine(Root, "blobs", key[..2], key);

    private string RefPath(string key) => Path.Combine(Root, "refs", key[..2], key + ".json");
}
