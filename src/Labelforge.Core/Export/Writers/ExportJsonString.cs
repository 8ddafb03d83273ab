using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// Writes UTF-8 text as a JSON string literal, byte for byte what <see cref="Utf8JsonWriter"/> with the export's
/// options writes for the same text as a .NET string. Most texts are printable ASCII with no quote or backslash:
/// those are copied between quotes as they are. Anything else goes through the JSON writer's own UTF-8 escaping,
/// and bytes that are not valid UTF-8 are first decoded with replacement characters, as a string read of the
/// column would have done.
/// </summary>
internal static class ExportJsonString
{
    // Bytes the encoder may escape (controls, quote, backslash, DEL) and every non-ASCII byte.
    private static readonly SearchValues<byte> Special = SearchValues.Create(SpecialBytes());

    public static void WriteQuoted(ReadOnlySpan<byte> utf8, IBufferWriter<byte> output, Utf8JsonWriter writer)
    {
        if (!utf8.ContainsAny(Special))
        {
            var span = output.GetSpan(utf8.Length + 2);
            span[0] = (byte)'"';
            utf8.CopyTo(span[1..]);
            span[utf8.Length + 1] = (byte)'"';
            output.Advance(utf8.Length + 2);
            return;
        }
        writer.Reset(output);
        if (Utf8.IsValid(utf8))
            writer.WriteStringValue(utf8);
        else
            writer.WriteStringValue(Encoding.UTF8.GetString(utf8));
        writer.Flush();
    }

    private static byte[] SpecialBytes()
    {
        var bytes = new List<byte>();
        for (var b = 0; b < 256; b++)
        {
            if (b < 0x20 || b >= 0x7F || b == '"' || b == '\\')
                bytes.Add((byte)b);
        }
        return [.. bytes];
    }
}
