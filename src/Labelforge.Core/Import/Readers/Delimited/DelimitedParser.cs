using System.Buffers;

namespace Labelforge.Core.Import.Readers.Delimited;

/// <summary>
/// RFC 4180 record parser over a byte stream (CSV with ',' or TSV with a tab). Field contents are copied,
/// unquoted, into one reused record buffer, so a row costs no allocations. The state machine resumes across
/// buffer refills, which is what lets it skip a 50 MB field without holding it: bytes past the field limit are
/// counted, not kept. Records end at LF or CRLF outside quotes; a quote inside an unquoted field is literal.
/// </summary>
/// <remarks>
/// Imports keep this parser instead of the shared text reader (<see cref="Csv.CsvRecordReader"/>): they read bytes
/// (UTF-8 is checked and stored as is), resume across asynchronous refills, skip an oversized field without holding
/// it, and name the exact line of a broken quote; a reader of decoded characters does none of that.
/// </remarks>
internal sealed class DelimitedParser
{
    private const byte Quote = (byte)'"';
    private const byte Newline = (byte)'\n';

    private readonly byte delimiter;
    private readonly SearchValues<byte> unquotedStops;
    private readonly ImportReaderOptions options;
    private byte[] record = new byte[4096];
    private int recordLength;
    private int[] fieldEnds = new int[32];
    private State state = State.FieldStart;
    private bool atRecordStart = true;
    private long fieldBytes;
    private bool fieldQuoted;
    private long quoteLine;

    public DelimitedParser(byte delimiter, ImportReaderOptions options)
    {
        this.delimiter = delimiter;
        this.options = options;
        unquotedStops = SearchValues.Create([delimiter, Newline]);
    }

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        AfterQuote,
        SkipLine,
    }

    /// <summary>Physical line (1-based) where the last record started.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Physical line of the parser's position.</summary>
    public long Line { get; private set; } = 1;

    public int FieldCount { get; private set; }

    /// <summary>A syntax problem of the last record (broken quotes), with the line it belongs to; null if none.</summary>
    public string? SyntaxError { get; private set; }

    public long SyntaxErrorLine { get; private set; }

    /// <summary>Index of the first field over <see cref="ImportReaderOptions.MaxFieldBytes"/>, or -1.</summary>
    public int OversizedField { get; private set; } = -1;

    /// <summary>Full length of the oversized field, in bytes.</summary>
    public long OversizedFieldBytes { get; private set; }

    /// <summary>True when the record passed the byte or column limit as a whole.</summary>
    public bool RecordTooLarge { get; private set; }

    /// <summary>All field bytes of the last record, back to back.</summary>
    public ReadOnlySpan<byte> RecordBytes => record.AsSpan(0, recordLength);

    /// <summary>True for an empty line (one empty, unquoted field).</summary>
    public bool IsBlank =>
        FieldCount == 1 && recordLength == 0 && !fieldQuoted && SyntaxError is null && OversizedField < 0 && !RecordTooLarge;

    public ReadOnlySpan<byte> Field(int index)
    {
        var from = index == 0 ? 0 : fieldEnds[index - 1];
        return record.AsSpan(from, fieldEnds[index] - from);
    }

    /// <summary>Parses the next record from <paramref name="input"/>: true when one is ready, false when more data is needed or the input is done.</summary>
    public bool TryRead(ImportInput input)
    {
        var done = TryParse(input.Data, input.Eof, out var consumed);
        input.Advance(consumed);
        return done;
    }

    private bool TryParse(ReadOnlySpan<byte> data, bool eof, out int consumed)
    {
        var i = 0;
        while (true)
        {
            if (i == data.Length)
            {
                consumed = i;
                return eof && FinishAtEof();
            }
            if (atRecordStart)
                BeginRecord();
            var rest = data[i..];
            switch (state)
            {
                case State.FieldStart:
                    if (rest[0] == Quote)
                    {
                        state = State.Quoted;
                        fieldQuoted = true;
                        quoteLine = Line;
                        i++;
                    }
                    else
                    {
                        state = State.Unquoted;
                    }
                    break;
                case State.Unquoted:
                    i += ScanUnquoted(rest, out var recordDone);
                    if (recordDone)
                    {
                        consumed = i;
                        return true;
                    }
                    break;
                case State.Quoted:
                    i += ScanQuoted(rest);
                    break;
                case State.AfterQuote:
                    i++;
                    if (AfterQuote(rest[0]))
                    {
                        consumed = i;
                        return true;
                    }
                    break;
                default:
                    i += SkipLine(rest, out var skipped);
                    if (skipped)
                    {
                        consumed = i;
                        return true;
                    }
                    break;
            }
        }
    }

    private void BeginRecord()
    {
        atRecordStart = false;
        RecordLine = Line;
        recordLength = 0;
        FieldCount = 0;
        fieldBytes = 0;
        fieldQuoted = false;
        SyntaxError = null;
        OversizedField = -1;
        OversizedFieldBytes = 0;
        RecordTooLarge = false;
        state = State.FieldStart;
    }

    private int ScanUnquoted(ReadOnlySpan<byte> rest, out bool recordDone)
    {
        recordDone = false;
        var k = rest.IndexOfAny(unquotedStops);
        if (k < 0)
        {
            Append(rest);
            return rest.Length;
        }
        Append(rest[..k]);
        if (rest[k] == Newline)
        {
            var fieldStart = FieldCount == 0 ? 0 : fieldEnds[FieldCount - 1];
            if (recordLength > fieldStart && fieldBytes <= options.MaxFieldBytes && record[recordLength - 1] == (byte)'\r')
                recordLength--;
            EndRecord();
            recordDone = true;
        }
        else
        {
            EndField();
            state = State.FieldStart;
        }
        return k + 1;
    }

    private int ScanQuoted(ReadOnlySpan<byte> rest)
    {
        var k = rest.IndexOf(Quote);
        var content = k < 0 ? rest : rest[..k];
        Line += content.Count(Newline);
        Append(content);
        if (k < 0)
            return rest.Length;
        state = State.AfterQuote;
        return k + 1;
    }

    /// <summary>Handles the byte after a closing quote; true when it ends the record.</summary>
    private bool AfterQuote(byte b)
    {
        if (b == Quote)
        {
            Append([Quote]);
            state = State.Quoted;
        }
        else if (b == delimiter)
        {
            EndField();
            state = State.FieldStart;
        }
        else if (b == Newline)
        {
            EndRecord();
            return true;
        }
        else if (b != (byte)'\r')
        {
            SyntaxError = b == '\t' && delimiter == ','
                ? $"unexpected tab after the closing quote of field {FieldCount + 1}; {DelimiterGuess.TsvHint}"
                : $"unexpected character '{(char)b}' after the closing quote of field {FieldCount + 1}; double quotes inside a quoted field (\"\")";
            SyntaxErrorLine = Line;
            state = State.SkipLine;
        }
        return false;
    }

    private int SkipLine(ReadOnlySpan<byte> rest, out bool done)
    {
        var k = rest.IndexOf(Newline);
        done = k >= 0;
        if (!done)
            return rest.Length;
        Line++;
        atRecordStart = true;
        return k + 1;
    }

    private bool FinishAtEof()
    {
        if (atRecordStart)
            return false;
        if (state == State.Quoted)
        {
            SyntaxError = "unterminated quoted field: the quote opened here is never closed, so the rest of the file was read as one field; close the quote or double it (\"\")";
            SyntaxErrorLine = quoteLine;
        }
        if (state != State.SkipLine)
            EndField();
        atRecordStart = true;
        state = State.FieldStart;
        return true;
    }

    private void EndRecord()
    {
        EndField();
        Line++;
        atRecordStart = true;
        state = State.FieldStart;
    }

    private void EndField()
    {
        if (fieldBytes > options.MaxFieldBytes && OversizedField < 0)
        {
            OversizedField = FieldCount;
            OversizedFieldBytes = fieldBytes;
        }
        fieldBytes = 0;
        if (FieldCount >= options.MaxColumns)
        {
            RecordTooLarge = true;
            return;
        }
        if (FieldCount == fieldEnds.Length)
            Array.Resize(ref fieldEnds, fieldEnds.Length * 2);
        fieldEnds[FieldCount++] = recordLength;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        fieldBytes += bytes.Length;
        if (fieldBytes > options.MaxFieldBytes || bytes.IsEmpty)
            return;
        var needed = recordLength + bytes.Length;
        if (needed > options.MaxRecordBytes)
        {
            RecordTooLarge = true;
            return;
        }
        if (needed > record.Length)
            Array.Resize(ref record, (int)Math.Min(Math.Max((long)record.Length * 2, needed), options.MaxRecordBytes));
        bytes.CopyTo(record.AsSpan(recordLength));
        recordLength = needed;
    }
}
