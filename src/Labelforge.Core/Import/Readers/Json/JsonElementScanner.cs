using System.Buffers;

namespace Labelforge.Core.Import.Readers.Json;

/// <summary>
/// Finds where one element of a top-level JSON array ends (the ',' or ']' at nesting depth 0, outside strings)
/// without parsing it, so the array reader can hand whole elements to Utf8JsonReader and keep going after a
/// broken one. Resumable: the state survives buffer refills, and <see cref="Rebase"/> lets a caller drop the
/// bytes it already scanned while skipping an oversized element.
/// </summary>
internal sealed class JsonElementScanner
{
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"{}[],"u8);
    private static readonly SearchValues<byte> StringStops = SearchValues.Create("\"\\"u8);

    private int depth;
    private bool inString;
    private bool escape;

    /// <summary>Bytes of the element scanned so far, from the start of the caller's window.</summary>
    public int Position { get; private set; }

    /// <summary>After a successful scan: the byte that ended the element, ',' or ']'.</summary>
    public byte Terminator { get; private set; }

    public void Reset()
    {
        (depth, inString, escape, Position, Terminator) = (0, false, false, 0, 0);
    }

    /// <summary>Forgets the scanned bytes (the caller dropped them) but keeps the nesting state.</summary>
    public void Rebase() => Position = 0;

    /// <summary>Scans on from <see cref="Position"/>; true when the element's terminator is found (at <see cref="Position"/>).</summary>
    public bool Scan(ReadOnlySpan<byte> data)
    {
        var i = Position;
        while (i < data.Length)
        {
            if (inString)
            {
                i = ScanString(data, i);
                continue;
            }
            var k = data[i..].IndexOfAny(Structural);
            if (k < 0)
            {
                i = data.Length;
                break;
            }
            i += k;
            var b = data[i];
            if (depth == 0 && b is (byte)',' or (byte)']')
            {
                Position = i;
                Terminator = b;
                return true;
            }
            if (b == '"')
                inString = true;
            else if (b is (byte)'{' or (byte)'[')
                depth++;
            else if (b is (byte)'}' or (byte)']' && depth > 0)
                depth--;
            i++;
        }
        Position = i;
        return false;
    }

    private int ScanString(ReadOnlySpan<byte> data, int i)
    {
        if (escape)
        {
            escape = false;
            return i + 1;
        }
        var k = data[i..].IndexOfAny(StringStops);
        if (k < 0)
            return data.Length;
        i += k;
        if (data[i] == '\\')
            escape = true;
        else
            inString = false;
        return i + 1;
    }
}
