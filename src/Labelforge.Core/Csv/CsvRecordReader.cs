using System.Runtime.CompilerServices;

namespace Labelforge.Core.Csv;

/// <summary>
/// The one reader of CSV/TSV text files (documents of <c>lf apply</c>, label matrices, crowd answers and gold files,
/// label-errors and active-learning inputs; imports keep their own byte parser, see <c>Import/DelimitedParser</c>).
/// RFC 4180: delimiter-separated, double-quoted fields may hold delimiters, quotes ("") and newlines. A quote opens a
/// quoted part only at the start of a field, a carriage return outside quotes is dropped, and an unclosed quote runs
/// to the end of the input. With <c>quoting: false</c> (plain TSV) a quote is an ordinary character. Each record
/// comes with the 1-based line it starts on; its fields are views into a reused buffer. The reader is lenient and
/// reports what strict RFC 4180 would refuse (<see cref="UnclosedQuoteLine"/>, <see cref="CharAfterQuote"/>), so each
/// caller decides which of those is an error worth a file-and-line message.
/// </summary>
/// <remarks>
/// Reads blocks of characters and scans them in one plain loop (precompiled in the ReadyToRun build), so a field costs a scan and a
/// copy instead of one virtual read and one append per character (reading documents was most of an `lf apply` run).
/// The scan is a plain loop rather than a vectorized framework search: those are generic instantiations that a short
/// process runs as unoptimized tier-0 code for most of a file. A record that runs past the end of the block is parsed
/// again after the block is refilled.
/// </remarks>
public sealed class CsvRecordReader
{
    private const char Quote = '"';

    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly char _quote;
    private readonly char _maxSpecial;
    private char[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _nextLine = 1;
    private char[] _values = new char[256];
    private int _valueLength;
    private int[] _fieldStarts = new int[8];
    private int[] _fieldLengths = new int[8];

    /// <param name="reader">The text; a BOM is the stream reader's to drop.</param>
    /// <param name="delimiter">The field separator: ',' or a tab; not a quote, CR or LF.</param>
    /// <param name="quoting">False for plain TSV, where a quote is an ordinary character.</param>
    /// <param name="bufferSize">Characters per block (tests use tiny blocks so records straddle refills).</param>
    public CsvRecordReader(TextReader reader, char delimiter = ',', bool quoting = true, int bufferSize = 1 << 16)
    {
        if (delimiter is Quote or '\r' or '\n')
            throw new ArgumentOutOfRangeException(nameof(delimiter), "a delimiter cannot be a quote or a line break");
        _reader = reader;
        _delimiter = delimiter;
        // Without quoting the quote test matches the delimiter, which is tested first, so no character opens quotes.
        _quote = quoting ? Quote : delimiter;
        _maxSpecial = (char)Math.Max(Math.Max((int)delimiter, Quote), '\r');
        _buffer = new char[Math.Max(bufferSize, 16)];
    }

    /// <summary>The 1-based line on which the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>Fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>True for a record with nothing on it: an empty line (callers that skip blank lines test this).</summary>
    public bool IsBlank => FieldCount == 1 && _fieldLengths[0] == 0;

    /// <summary>
    /// The line on which a quoted field of the current record opened that the input never closes (the record then runs
    /// to the end of the input), or 0.
    /// </summary>
    public long UnclosedQuoteLine { get; private set; }

    /// <summary>
    /// The first character of the current record that follows a closing quote without a delimiter or line end
    /// (<c>"a"b</c>; it is kept in the field), or '\0'.
    /// </summary>
    public char CharAfterQuote { get; private set; }

    /// <summary>Field <paramref name="index"/> of the current record (valid until the next <see cref="ReadRecord"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Field(int index) => _values.AsSpan(_fieldStarts[index], _fieldLengths[index]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string FieldString(int index) => new(Field(index));

    /// <summary>The records of <paramref name="reader"/> with the line each starts on.</summary>
    public static IEnumerable<(long Line, List<string> Fields)> Read(TextReader reader, char delimiter = ',')
    {
        var csv = new CsvRecordReader(reader, delimiter);
        while (csv.ReadRecord())
        {
            var fields = new List<string>(csv.FieldCount);
            for (var f = 0; f < csv.FieldCount; f++)
                fields.Add(csv.FieldString(f));
            yield return (csv.Line, fields);
        }
    }

    /// <summary>Moves to the next record; false at the end of the input.</summary>
    public bool ReadRecord()
    {
        while (true)
        {
            if (_start == _end && _eof)
                return false;
            if (_start < _end && TryParse(out var next, out var lines))
            {
                Line = _nextLine;
                _nextLine += lines;
                _start = next;
                return true;
            }
            Fill();
        }
    }

    /// <summary>
    /// Parses one record from <c>_start</c>; false when it needs characters past the end of the block (and the input
    /// has more). <paramref name="next"/> is where the following record starts, <paramref name="lines"/> the line
    /// breaks the record consumed.
    /// </summary>
    private bool TryParse(out int next, out long lines)
    {
        var (buffer, p, end, eof) = (_buffer, _start, _end, _eof);
        var (delimiter, quote, maxSpecial) = (_delimiter, _quote, _maxSpecial);
        lines = 0;
        next = end;
        FieldCount = 0;
        _valueLength = 0;
        UnclosedQuoteLine = 0;
        CharAfterQuote = '\0';
        var fieldStart = 0;
        var quoted = false;
        long openedAt = 0;
        while (true)
        {
            if (quoted)
            {
                var stop = p;
                while (stop < end && buffer[stop] != Quote)
                {
                    if (buffer[stop] == '\n')
                        lines++;
                    stop++;
                }
                if ((stop == end || stop + 1 == end) && !eof)
                    return false;
                Append(buffer.AsSpan(p, stop - p));
                if (stop == end)
                {
                    UnclosedQuoteLine = _nextLine + openedAt;
                    break;
                }
                if (stop + 1 < end && buffer[stop + 1] == Quote)
                {
                    Append(Quote);
                    p = stop + 2;
                }
                else
                {
                    quoted = false;
                    p = stop + 1;
                    if (p < end)
                        NoteAfterQuote(buffer[p]);
                }
                continue;
            }
            var s = p;
            while (s < end && !IsSpecial(buffer[s], delimiter, quote, maxSpecial))
                s++;
            if (s == end)
            {
                if (!eof)
                    return false;
                Append(buffer.AsSpan(p, end - p));
                break;
            }
            Append(buffer.AsSpan(p, s - p));
            p = s + 1;
            var c = buffer[s];
            if (c == delimiter)
            {
                AddField(fieldStart);
                fieldStart = _valueLength;
            }
            else if (c == '\n')
            {
                AddField(fieldStart);
                next = p;
                lines++;
                return true;
            }
            else if (c == quote)
            {
                if (_valueLength == fieldStart)
                    (quoted, openedAt) = (true, lines);
                else
                    Append(Quote);
            }
        }
        // The input ended inside this record.
        AddField(fieldStart);
        next = end;
        return true;
    }

    /// <summary>Delimiter, LF, CR or (when quoting) a quote; one compare rules out most characters, all being low.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpecial(char c, char delimiter, char quote, char maxSpecial) =>
        c <= maxSpecial && (c == delimiter || c == '\n' || c == '\r' || c == quote);

    private void NoteAfterQuote(char c)
    {
        if (c != _delimiter && c != '\n' && c != '\r' && CharAfterQuote == '\0')
            CharAfterQuote = c;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        else if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _eof = true;
        _end += read;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddField(int start)
    {
        if (FieldCount == _fieldStarts.Length)
        {
            Array.Resize(ref _fieldStarts, FieldCount * 2);
            Array.Resize(ref _fieldLengths, FieldCount * 2);
        }
        _fieldStarts[FieldCount] = start;
        _fieldLengths[FieldCount++] = _valueLength - start;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(ReadOnlySpan<char> text)
    {
        if (_valueLength + text.Length > _values.Length)
            Array.Resize(ref _values, Math.Max(_values.Length * 2, _valueLength + text.Length));
        text.CopyTo(_values.AsSpan(_valueLength));
        _valueLength += text.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(char c)
    {
        if (_valueLength == _values.Length)
            Array.Resize(ref _values, _values.Length * 2);
        _values[_valueLength++] = c;
    }
}
