using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Labelforge.Core.Import.Readers;

/// <summary>
/// Dedupe identity of an item's text. <see cref="Of"/>: the first 16 bytes of SHA-256 over the UTF-8 text
/// (stored in items.ContentHash; stable across versions, so re-imports of old projects still match).
/// <see cref="Key"/>: its first 8 bytes as a big-endian signed integer (items.ContentKey, the unique index).
/// SHA-256 stays because stored hashes must not change meaning; at ~200 bytes per row it costs well under a
/// microsecond with the CPU's SHA extensions and runs on the reader thread, beside the database writer.
/// </summary>
public static class ContentHash
{
    public static byte[] Of(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = max <= 4096 ? null : ArrayPool<byte>.Shared.Rent(max);
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[max];
            var n = Encoding.UTF8.GetBytes(text, buffer);
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(buffer[..n], digest);
            return digest[..16].ToArray();
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The compact key of a hash from <see cref="Of"/>; the Storage migration computes the same in SQL.</summary>
    public static long Key(ReadOnlySpan<byte> hash) => BinaryPrimitives.ReadInt64BigEndian(hash);
}
