using System.Buffers;
using System.Globalization;
using System.Text;
using Labelforge.Core.Csv;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// Writes RFC 4180 fields straight into the output buffer as UTF-8 by the one quoting rule (<see cref="CsvText"/>: a
/// field is quoted only when it holds a comma, a quote, CR or LF, and quotes inside are doubled); bytes, not strings,
/// because exports stream millions of fields. Rows end with CRLF, as the RFC says.
/// </summary>
internal sealed class CsvFieldWriter(IBufferWriter<byte> output)
{
    private bool firstInRow = true;
    private byte[] scratch = new byte[1024];

    public void String(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value))
            return;
        if (value.AsSpan().ContainsAny(CsvText.NeedsQuotes))
            Quoted(value);
        else
            Encode(value);
    }

    /// <summary>
    /// Labels joined with '|' as one field, in <see cref="LabelPath"/> syntax: a '|' or '\' inside a name is
    /// escaped with a backslash, so the importer splits the cell back into the same names.
    /// </summary>
    public void Joined(IReadOnlyList<string> values)
    {
        Separator();
        var quote = false;
        for (var i = 0; i < values.Count && !quote; i++)
            quote = values[i].AsSpan().ContainsAny(CsvText.NeedsQuotes);
        if (quote)
            output.Write("\""u8);
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
                output.Write("|"u8);
            var value = LabelPath.EscapeItem(values[i], LabelPath.CellSeparator); // allocates only for names holding '|' or '\'
            if (quote)
                EscapeQuotes(value);
            else
                Encode(value);
        }
        if (quote)
            output.Write("\""u8);
    }

    /// <summary>A UTF-8 JSON document as one field; always quoted, since JSON always has quotes or braces worth protecting.</summary>
    public void Json(ReadOnlySpan<byte> json)
    {
        Separator();
        QuotedUtf8(json);
    }

    private void QuotedUtf8(ReadOnlySpan<byte> utf8)
    {
        output.Write("\""u8);
        while (true)
        {
            var k = utf8.IndexOf((byte)'"');
            if (k < 0)
                break;
            output.Write(utf8[..(k + 1)]);
            output.Write("\""u8);
            utf8 = utf8[(k + 1)..];
        }
        output.Write(utf8);
        output.Write("\""u8);
    }

    public void Number(long value)
    {
        Separator();
        var span = output.GetSpan(24);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    public void Number(double? value)
    {
        Separator();
        if (value is not { } v)
            return;
        var span = output.GetSpan(32);
        v.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    public void Number(long? value)
    {
        if (value is { } v)
        {
            Number(v);
            return;
        }
        Separator();
    }

    public void Timestamp(DateTimeOffset value)
    {
        Separator();
        var span = output.GetSpan(40);
        value.UtcDateTime.TryFormat(span, out var written, "O", CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    public void EndRow()
    {
        output.Write("\r\n"u8);
        firstInRow = true;
    }

    private void Separator()
    {
        if (!firstInRow)
            output.Write(","u8);
        firstInRow = false;
    }

    /// <summary>Transcodes once into a scratch buffer, then doubles quotes on the bytes: JSON-like values have many quotes.</summary>
    private void Quoted(string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (scratch.Length < max)
            scratch = new byte[Math.Max(max, scratch.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, scratch);
        QuotedUtf8(scratch.AsSpan(0, length));
    }

    private void EscapeQuotes(string value)
    {
        var rest = value.AsSpan();
        while (true)
        {
            var k = rest.IndexOf('"');
            if (k < 0)
                break;
            Encode(rest[..(k + 1)]);
            output.Write("\""u8);
            rest = rest[(k + 1)..];
        }
        Encode(rest);
    }

    private void Encode(ReadOnlySpan<char> chars)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length));
        output.Advance(Encoding.UTF8.GetBytes(chars, span));
    }
}
