using System.Runtime.CompilerServices;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// A streaming RFC 4180 reader: comma-separated, double-quoted fields may hold commas, quotes ("") and
/// newlines. A quote opens a quoted part only at the start of a field, a carriage return outside quotes is
/// dropped, and an unclosed quote runs to the end of the input. Each record comes with the 1-based line it
/// starts on; its fields are views into a reused buffer.
/// </summary>
/// <remarks>
/// Reads blocks of characters and scans them in one loop compiled optimized at once, so a field costs a scan and a
/// copy instead of one virtual read and one append per character (reading documents was most of an `lf apply` run).
/// The scan is a plain loop rather than a vectorized framework search: those are generic instantiations that a short
/// process runs as unoptimized tier-0 code for most of a file. A record that runs past the end of the block is parsed
/// again after the block is refilled.
/// </remarks>
public sealed class CsvRecordReader
{
    private const char Quote = '"';

    private readonly TextReader _reader;
    private char[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _nextLine = 1;
    private char[] _values = new char[256];
    private int _valueLength;
    private int[] _fieldStarts = new int[8];
    private int[] _fieldLengths = new int[8];

    public CsvRecordReader(TextReader reader, int bufferSize = 1 << 16)
    {
        _reader = reader;
        _buffer = new char[Math.Max(bufferSize, 16)];
    }

    /// <summary>The 1-based line on which the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>Fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Field <paramref name="index"/> of the current record (valid until the next <see cref="ReadRecord"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Field(int index) => _values.AsSpan(_fieldStarts[index], _fieldLengths[index]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string FieldString(int index) => new(Field(index));

    /// <summary>The records of <paramref name="reader"/> with the line each starts on.</summary>
    public static IEnumerable<(long Line, List<string> Fields)> Read(TextReader reader)
    {
        var csv = new CsvRecordReader(reader);
        while (csv.ReadRecord())
        {
            var fields = new List<string>(csv.FieldCount);
            for (var f = 0; f < csv.FieldCount; f++)
                fields.Add(csv.FieldString(f));
            yield return (csv.Line, fields);
        }
    }

    /// <summary>Moves to the next record; false at the end of the input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParse(out int next, out long lines)
    {
        var (buffer, p, end, eof) = (_buffer, _start, _end, _eof);
        lines = 0;
        next = end;
        FieldCount = 0;
        _valueLength = 0;
        var fieldStart = 0;
        var quoted = false;
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
                    break;
                if (stop + 1 < end && buffer[stop + 1] == Quote)
                {
                    Append(Quote);
                    p = stop + 2;
                }
                else
                {
                    quoted = false;
                    p = stop + 1;
                }
                continue;
            }
            var s = p;
            while (s < end && !IsSpecial(buffer[s]))
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
            switch (buffer[s])
            {
                case ',':
                    AddField(fieldStart);
                    fieldStart = _valueLength;
                    break;
                case '\n':
                    AddField(fieldStart);
                    next = p;
                    lines++;
                    return true;
                case '\r':
                    break;
                default:
                    if (_valueLength == fieldStart)
                        quoted = true;
                    else
                        Append(Quote);
                    break;
            }
        }
        // The input ended inside this record.
        AddField(fieldStart);
        next = end;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpecial(char c) => c <= ',' && (c == ',' || c == '\n' || c == '\r' || c == Quote);

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
