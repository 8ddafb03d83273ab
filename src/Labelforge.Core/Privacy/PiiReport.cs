namespace Labelforge.Core.Privacy;

/// <summary>
/// What the project's detectors find: items scanned, items with any detection, detections per kind over all items,
/// and per item (those with detections, in id order, at most the report's limit) its counts per kind.
/// The counts cover the text, the document's other string fields and the external id.
/// </summary>
public sealed record PiiReport(
    long ItemsScanned,
    long ItemsWithDetections,
    IReadOnlyDictionary<string, long> Totals,
    IReadOnlyList<PiiItemReport> Items,
    bool Truncated);

/// <summary>One item's detections per kind (wire names).</summary>
public sealed record PiiItemReport(long ItemId, string? ExternalId, IReadOnlyDictionary<string, int> Counts);
