namespace Labelforge.Core.Export;

/// <summary>One author's current labels on an item, with when they were given and the time spent when known.</summary>
public sealed record ExportAuthorLabels(string Author, string Kind, IReadOnlyList<string> Labels, double? Confidence,
    DateTimeOffset? CreatedAt = null, long? TimeSpentMs = null);
