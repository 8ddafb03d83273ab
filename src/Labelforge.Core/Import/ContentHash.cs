using System.Security.Cryptography;
using System.Text;

namespace Labelforge.Core.Import;

/// <summary>Dedupe key of an item: the first 16 bytes of SHA-256 over the UTF-8 text (collisions are negligible at 2^64).</summary>
public static class ContentHash
{
    public static byte[] Of(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = max <= 4096 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(max);
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
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
