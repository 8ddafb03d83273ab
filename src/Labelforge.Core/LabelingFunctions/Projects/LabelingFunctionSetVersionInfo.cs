namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>One entry of an LF set's version history.</summary>
public sealed record LabelingFunctionSetVersionInfo(int Version, DateTimeOffset CreatedAt, int Lines);
