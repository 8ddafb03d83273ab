namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>An LF set of a project: its latest version and the version its stored label matrix came from.</summary>
public sealed record LabelingFunctionSetInfo(string Set, int LatestVersion, int? AppliedVersion);
