namespace Labelforge.Core.Projects;

/// <summary>
/// What creating a project takes. Labels become version 1 of its taxonomy. <see cref="OverlappingSpans"/> and
/// <see cref="SnapSpansToTokens"/> apply to text-spans projects only.
/// </summary>
public sealed record NewProject(
    string Name,
    string TaskType = TaskTypes.TextClassification,
    bool MultiLabel = false,
    IReadOnlyList<string>? Labels = null,
    string Guidelines = "",
    bool OverlappingSpans = false,
    bool SnapSpansToTokens = true);
