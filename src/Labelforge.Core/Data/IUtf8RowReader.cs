namespace Labelforge.Core.Data;

/// <summary>
/// A forward-only reader of one query's rows whose text columns come as the UTF-8 bytes the store holds, so a writer
/// that emits UTF-8 (the JSON Lines export) copies them without building a .NET string per value. Spans are valid
/// until the next <see cref="Read"/>. A store supplies a fast one for its provider through
/// <see cref="IUtf8RowReaderFactory"/>; <see cref="Utf8RowReaders"/> falls back to a data reader.
/// </summary>
public interface IUtf8RowReader : IDisposable
{
    /// <summary>Moves to the next row; false after the last.</summary>
    bool Read();

    bool IsNull(int column);

    long GetInt64(int column);

    /// <summary>The column's text as UTF-8 (empty for SQL NULL; check <see cref="IsNull"/>).</summary>
    ReadOnlySpan<byte> GetUtf8(int column);
}
