using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Import.Readers.Json;
using Labelforge.Core.Taxonomy;
using Parquet;
using Parquet.Schema;

namespace Labelforge.Core.Export.Writers;

/// <summary>One row group of annotation events, as column arrays reused from group to group.</summary>
internal sealed class ParquetEventBatch(int capacity) : IParquetBatch<ExportEvent>
{
    private static readonly DataField<long> AnnotationId = new("annotation_id");
    private static readonly DataField<long> ItemId = new("item_id");
    private static readonly DataField<string> ExternalId = new("external_id", nullable: true);
    private static readonly DataField<string> Author = new("author");
    private static readonly DataField<string> Kind = new("kind");
    private static readonly DataField<string> Labels = new("labels");
    private static readonly DataField<double?> Confidence = new("confidence", nullable: true);
    private static readonly DataField<string> Probabilities = new("probabilities", nullable: true);
    private static readonly DataField<int> TaxonomyVersion = new("taxonomy_version");
    private static readonly DataField<long?> TimeSpentMs = new("time_spent_ms", nullable: true);
    private static readonly DateTimeDataField CreatedAt = new("created_at", DateTimeFormat.Timestamp, isAdjustedToUTC: true);
    private static readonly DataField<long?> SupersedesId = new("supersedes_id", nullable: true);
    private static readonly DataField<long?> SuggestionAnnotationId = new("suggestion_annotation_id", nullable: true);
    private static readonly DataField<string> SuggestionOutcome = new("suggestion_outcome", nullable: true);

    public static readonly Field[] Fields =
        [AnnotationId, ItemId, ExternalId, Author, Kind, Labels, Confidence, Probabilities, TaxonomyVersion, TimeSpentMs, CreatedAt, SupersedesId,
            SuggestionAnnotationId, SuggestionOutcome];

    private readonly long[] annotationIds = new long[capacity];
    private readonly long[] itemIds = new long[capacity];
    private readonly string?[] externalIds = new string?[capacity];
    private readonly string[] authors = new string[capacity];
    private readonly string[] kinds = new string[capacity];
    private readonly string[] labels = new string[capacity];
    private readonly double?[] confidences = new double?[capacity];
    private readonly string?[] probabilities = new string?[capacity];
    private readonly int[] taxonomyVersions = new int[capacity];
    private readonly long?[] timesSpent = new long?[capacity];
    private readonly DateTime[] createdAt = new DateTime[capacity];
    private readonly long?[] supersedes = new long?[capacity];
    private readonly long?[] suggestionIds = new long?[capacity];
    private readonly string?[] suggestionOutcomes = new string?[capacity];
    private readonly JsonScratch json = new();

    public int Count { get; private set; }

    public bool IsFull => Count == capacity;

    public void Add(ExportEvent e)
    {
        annotationIds[Count] = e.AnnotationId;
        itemIds[Count] = e.ItemId;
        externalIds[Count] = e.ExternalId;
        authors[Count] = e.Author;
        kinds[Count] = e.Kind;
        labels[Count] = LabelPath.Join(e.Labels, LabelPath.CellSeparator);
        confidences[Count] = e.Confidence;
        probabilities[Count] = null;
        if (e.Probabilities is not null)
        {
            ExportJson.WriteProbabilities(json.Begin(), e.Probabilities);
            probabilities[Count] = json.Finish();
        }
        taxonomyVersions[Count] = e.TaxonomyVersion;
        timesSpent[Count] = e.TimeSpentMs;
        createdAt[Count] = e.CreatedAt.UtcDateTime;
        supersedes[Count] = e.SupersedesId;
        suggestionIds[Count] = e.SuggestionAnnotationId;
        suggestionOutcomes[Count] = e.SuggestionOutcome;
        Count++;
    }

    public async Task WriteAsync(ParquetWriter writer, CancellationToken ct)
    {
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<long>(AnnotationId, (ReadOnlyMemory<long>)annotationIds.AsMemory(0, Count), null, null, ct);
        await group.WriteAsync<long>(ItemId, (ReadOnlyMemory<long>)itemIds.AsMemory(0, Count), null, null, ct);
        await group.WriteAsync(ExternalId, new ArraySegment<string?>(externalIds, 0, Count)!, null);
        await group.WriteAsync(Author, new ArraySegment<string>(authors, 0, Count), null);
        await group.WriteAsync(Kind, new ArraySegment<string>(kinds, 0, Count), null);
        await group.WriteAsync(Labels, new ArraySegment<string>(labels, 0, Count), null);
        await group.WriteAsync<double>(Confidence, (ReadOnlyMemory<double?>)confidences.AsMemory(0, Count), null, null, ct);
        await group.WriteAsync(Probabilities, new ArraySegment<string?>(probabilities, 0, Count)!, null);
        await group.WriteAsync<int>(TaxonomyVersion, (ReadOnlyMemory<int>)taxonomyVersions.AsMemory(0, Count), null, null, ct);
        await group.WriteAsync<long>(TimeSpentMs, (ReadOnlyMemory<long?>)timesSpent.AsMemory(0, Count), null, null, ct);
        await group.WriteAsync<DateTime>(CreatedAt, (ReadOnlyMemory<DateTime>)createdAt.AsMemory(0, Count), null, null, ct);
        await group.WriteAsync<long>(SupersedesId, (ReadOnlyMemory<long?>)supersedes.AsMemory(0, Count), null, null, ct);
        await group.WriteAsync<long>(SuggestionAnnotationId, (ReadOnlyMemory<long?>)suggestionIds.AsMemory(0, Count), null, null, ct);
        await group.WriteAsync(SuggestionOutcome, new ArraySegment<string?>(suggestionOutcomes, 0, Count)!, null);
        group.CompleteValidate();
        Count = 0;
    }
}
