using Parquet;

namespace Labelforge.Core.Export.Writers;

/// <summary>Column buffers of one Parquet row group: rows are added until full, then written as a group and cleared.</summary>
internal interface IParquetBatch<in T>
{
    int Count { get; }

    bool IsFull { get; }

    void Add(T row);

    Task WriteAsync(ParquetWriter writer, CancellationToken ct);
}
