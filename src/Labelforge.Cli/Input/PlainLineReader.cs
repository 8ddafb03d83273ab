namespace Labelforge.Cli.Input;

/// <summary>
/// The lines of a text as views into a reused block buffer (LF or CRLF line ends), for files that hold no quotes:
/// reading a 100,000 x 10 probability file field by field through <see cref="DelimitedReader"/> cost far more than
/// the detection that reads it. <see cref="SawQuote"/> tells the caller to read the file with the full CSV rules instead.
/// </summary>
internal sealed class PlainLineReader(TextReader reader)
{
    private char[] _buffer = new char[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>1-based number of the line last returned.</summary>
    public int Line { get; private set; }

    /// <summary>True once a line held a double quote; <see cref="Next"/> then returns false.</summary>
    public bool SawQuote { get; private set; }

    /// <summary>The next line without its line end; false at the end of the text or at a line holding a quote.</summary>
    public bool Next(out ReadOnlySpan<char> line)
    {
        line = default;
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf('\n');
            if (newline < 0 && !_eof)
            {
                Fill();
                continue;
            }
            if (newline < 0 && _start == _end)
                return false;
            var length = newline < 0 ? _end - _start : newline;
            line = _buffer.AsSpan(_start, length);
            _start += newline < 0 ? length : length + 1;
            Line++;
            // A CR is part of the line end only before a LF (as DelimitedReader reads it).
            if (newline >= 0 && line.Length > 0 && line[^1] == '\r')
                line = line[..^1];
            if (line.Contains('"'))
            {
                SawQuote = true;
                line = default;
                return false;
            }
            return true;
        }
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
        var read = reader.Read(_buffer, _end, _buffer.Length - _end);
        _eof = read == 0;
        _end += read;
    }
}
