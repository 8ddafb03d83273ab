using System.Text;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Taxonomy;
using Parquet;
using Parquet.Schema;

namespace Labelforge.Core.Export.Writers;

/// <summary>One row group of items, as column arrays reused from group to group.</summary>
internal sealed class ParquetItemBatch(int capacity) : IParquetBatch<ExportItem>
{
    private static readonly DataField<long> Id = new("id");
    private static readonly DataField<string> ExternalId = new("external_id", nullable: true);
    private static readonly DataField<string> Text = new("text");
    private static readonly DataField<string> Labels = new("labels");
    private static readonly DataField<string> Annotations = new("annotations");
    private static readonly DataField<string> Data = new("data");

    public static readonly Field[] Fields = [Id, ExternalId, Text, Labels, Annotations, Data];

    private readonly long[] ids = new long[capacity];
    private readonly string?[] externalIds = new string?[capacity];
    private readonly string[] texts = new string[capacity];
    private readonly string[] labels = new string[capacity];
    private readonly string[] annotations = new string[capacity];
    private readonly string[] data = new string[capacity];
    private readonly JsonScratch json = new();

    public int Count { get; private set; }

    public bool IsFull => Count == capacity;

    public void Add(ExportItem item)
    {
        ids[Count] = item.ItemId;
        externalIds[Count] = item.ExternalId;
        texts[Count] = item.Text;
        labels[Count] = LabelPath.Join(item.Labels, LabelPath.CellSeparator);
        ExportJson.WriteByAuthor(json.Begin(), item.ByAuthor);
        annotations[Count] = json.Finish();
        data[Count] = item.DataJson;
        Count++;
    }

    public async Task WriteAsync(ParquetWriter writer, CancellationToken ct)
    {
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<long>(Id, (ReadOnlyMemory<long>)ids.AsMemory(0, Count), null, null, ct);
        await group.WriteAsync(ExternalId, new ArraySegment<string?>(externalIds, 0, Count)!, null);
        await group.WriteAsync(Text, new ArraySegment<string>(texts, 0, Count), null);
        await group.WriteAsync(Labels, new ArraySegment<string>(labels, 0, Count), null);
        await group.WriteAsync(Annotations, new ArraySegment<string>(annotations, 0, Count), null);
        await group.WriteAsync(Data, new ArraySegment<string>(data, 0, Count), null);
        group.CompleteValidate();
        Array.Clear(externalIds, 0, Count);
        Array.Clear(texts, 0, Count);
        Array.Clear(labels, 0, Count);
        Array.Clear(annotations, 0, Count);
        Array.Clear(data, 0, Count);
        Count = 0;
    }
}
