using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Import;

/// <summary>A run of consecutive reader entries with the content hash of each good record, passed from the reader thread to the writer.</summary>
internal sealed class ImportChunk(int capacity)
{
    public ImportEntry[] Entries { get; } = new ImportEntry[capacity];

    /// <summary><see cref="ContentHash.Of"/> of each good record's text (or its own <see cref="ImportRecord.Hash"/>); null for error entries.</summary>
    public byte[]?[] Hashes { get; } = new byte[]?[capacity];

    public int Count { get; set; }

    public bool IsFull => Count == Entries.Length;

    public void Add(ImportEntry entry)
    {
        Entries[Count] = entry;
        Hashes[Count] = entry.Record is { } record ? record.Hash ?? ContentHash.Of(record.Text) : null;
        Count++;
    }
}
