using System.Data.Common;
using System.Text;
using Labelforge.Core.Common;

namespace Labelforge.Core.Data;

/// <summary>
/// The generic <see cref="IUtf8RowReader"/> over any ADO.NET provider: reads each text as a string and encodes it
/// into a reused buffer per column, so callers see the same UTF-8 a store's own reader gives.
/// </summary>
internal sealed class AdoUtf8RowReader : IUtf8RowReader
{
    private readonly DbCommand _command;
    private readonly DbDataReader _reader;
    private readonly byte[][] _buffers;
    private readonly int[] _lengths;
    private readonly bool[] _encoded;

    private AdoUtf8RowReader(DbCommand command, DbDataReader reader)
    {
        (_command, _reader) = (command, reader);
        _buffers = new byte[reader.FieldCount][];
        Array.Fill(_buffers, []);
        _lengths = new int[reader.FieldCount];
        _encoded = new bool[reader.FieldCount];
    }

    public static AdoUtf8RowReader Open(DbConnection connection, string sql, long projectId)
    {
        var command = SqlCommands.Create(connection, sql, "@project");
        command.Parameters["@project"].Value = projectId;
        return new AdoUtf8RowReader(command, command.ExecuteReader());
    }

    public bool Read()
    {
        Array.Clear(_encoded);
        return _reader.Read();
    }

    public bool IsNull(int column) => _reader.IsDBNull(column);

    public long GetInt64(int column) => _reader.GetInt64(column);

    public ReadOnlySpan<byte> GetUtf8(int column)
    {
        if (_reader.IsDBNull(column))
            return [];
        if (!_encoded[column])
        {
            var text = _reader.GetString(column);
            var size = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (_buffers[column].Length < size)
                _buffers[column] = new byte[Math.Max(size, _buffers[column].Length * 2)];
            _lengths[column] = Encoding.UTF8.GetBytes(text, _buffers[column]);
            _encoded[column] = true;
        }
        return _buffers[column].AsSpan(0, _lengths[column]);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _command.Dispose();
    }
}
