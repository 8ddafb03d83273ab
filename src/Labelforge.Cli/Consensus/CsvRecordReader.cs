namespace Labelforge.Cli.Consensus;

/// <summary>
/// Streams RFC 4180 records: fields split by a delimiter, optionally in double quotes, "" for a quote inside
/// quotes, delimiters and line breaks allowed inside quotes, CRLF or LF line ends. Fields are views into a
/// reused buffer, so reading a million rows allocates nothing per row.
/// </summary>
public sealed class CsvRecordReader
{
    private const char Quote = '"';
    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly char[] _buffer = new char[1 << 16];
    private int _bufferLength;
    private int _bufferPosition;
    private char[] _chars = new char[256];
    private int _charLength;
    private int[] _starts = new int[8];
    private int[] _lengths = new int[8];
    private int _physicalLine = 1;

    public CsvRecordReader(TextReader reader, char delimiter)
    {
        _reader = reader;
        _delimiter = delimiter;
    }

    /// <summary>1-based line on which the current record starts.</summary>
    public int Line { get; private set; }

    public int FieldCount { get; private set; }

    /// <summary>True for a line with nothing on it (skipped by callers).</summary>
    public bool IsBlank => FieldCount == 1 && _lengths[0] == 0;

    public ReadOnlySpan<char> Field(int index) => _chars.AsSpan(_starts[index], _lengths[index]);

    public string FieldString(int index) => new(Field(index));

    /// <summary>Reads the next record; false at the end of the input. Throws <see cref="FormatException"/> on a broken quote.</summary>
    public bool Read()
    {
        FieldCount = 0;
        _charLength = 0;
        Line = _physicalLine;
        var c = Next();
        if (c < 0)
            return false;
        while (true)
        {
            var start = _charLength;
            c = c == Quote ? ReadQuoted() : ReadPlain(c);
            AddField(start);
            if (c == _delimiter)
            {
                c = Next();
                if (c < 0 || c == '\n' || c == '\r')
                {
                    AddField(_charLength);
                    EndLine(c);
                    return true;
                }
                continue;
            }
            EndLine(c);
            return true;
        }
    }

    private int ReadPlain(int c)
    {
        while (c >= 0 && c != _delimiter && c != '\n' && c != '\r')
        {
            Append((char)c);
            c = Next();
        }
        return c;
    }

    private int ReadQuoted()
    {
        var openedOn = _physicalLine;
        while (true)
        {
            var c = Next();
            if (c < 0)
                throw new FormatException($"a quoted field opened on line {openedOn} is never closed (a \" is missing)");
            if (c == '\n')
                _physicalLine++;
            if (c != Quote)
            {
                Append((char)c);
                continue;
            }
            if (Peek() == Quote)
            {
                Next();
                Append(Quote);
                continue;
            }
            var after = Next();
            if (after >= 0 && after != _delimiter && after != '\n' && after != '\r')
                throw new FormatException($"unexpected '{(char)after}' after a closing quote (write \"\" for a quote inside a quoted field)");
            return after;
        }
    }

    private void EndLine(int c)
    {
        if (c == '\r' && Peek() == '\n')
            Next();
        if (c >= 0)
            _physicalLine++;
    }

    private void AddField(int start)
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _lengths, _lengths.Length * 2);
        }
        _starts[FieldCount] = start;
        _lengths[FieldCount++] = _charLength - start;
    }

    private void Append(char c)
    {
        if (_charLength == _chars.Length)
            Array.Resize(ref _chars, _chars.Length * 2);
        _chars[_charLength++] = c;
    }

    private int Next()
    {
        if (_bufferPosition == _bufferLength && !Fill())
            return -1;
        return _buffer[_bufferPosition++];
    }

    private int Peek()
    {
        if (_bufferPosition == _bufferLength && !Fill())
            return -1;
        return _buffer[_bufferPosition];
    }

    private bool Fill()
    {
        _bufferLength = _reader.Read(_buffer, 0, _buffer.Length);
        _bufferPosition = 0;
        return _bufferLength > 0;
    }
}
