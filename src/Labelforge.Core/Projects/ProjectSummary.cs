namespace Labelforge.Core.Projects;

/// <summary>A project as lists and the API show it, with its progress.</summary>
public sealed record ProjectSummary(
    long Id,
    string Name,
    string TaskType,
    bool MultiLabel,
    int TaxonomyVersion,
    int Labels,
    long Items,
    long LabeledItems,
    DateTimeOffset CreatedAt)
{
    /// <summary>Text spans: whether spans may share characters (see <see cref="Project.OverlappingSpans"/>).</summary>
    public bool OverlappingSpans { get; init; }

    /// <summary>Text spans: whether spans snap to token boundaries (see <see cref="Project.SnapSpansToTokens"/>).</summary>
    public bool SnapSpansToTokens { get; init; } = true;
}
