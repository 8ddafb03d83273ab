namespace Labelforge.Core.Projects;

/// <summary>What creating a project takes. Labels become version 1 of its taxonomy.</summary>
public sealed record NewProject(
    string Name,
    string TaskType = TaskTypes.TextClassification,
    bool MultiLabel = false,
    IReadOnlyList<string>? Labels = null,
    string Guidelines = "");
