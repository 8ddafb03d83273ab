namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>
/// A project's LF set as an editor opens it: the latest YAML (a starter set with the project's labels when
/// nothing is saved yet, <see cref="Version"/> 0), which version the stored label matrix came from, and the history.
/// </summary>
public sealed record LabelingFunctionSetState(
    string Set,
    int Version,
    string Yaml,
    int? AppliedVersion,
    DateTimeOffset? AppliedAt,
    IReadOnlyList<LabelingFunctionSetVersionInfo> Versions);
