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
    DateTimeOffset CreatedAt);
