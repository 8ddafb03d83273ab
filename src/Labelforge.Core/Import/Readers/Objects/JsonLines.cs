namespace Labelforge.Core.Import.Readers.Objects;

/// <summary>Line numbers of byte offsets in a file held in memory, for offsets asked in increasing order.</summary>
internal sealed class JsonLines(ReadOnlyMemory<byte> data)
{
    private long offset;
    private long line = 1;

    public long At(long byteOffset)
    {
        if (byteOffset < offset)
            (offset, line) = (0, 1);
        line += data.Span[(int)offset..(int)byteOffset].Count((byte)'\n');
        offset = byteOffset;
        return line;
    }
}
