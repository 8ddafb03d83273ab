namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>
/// One problem in a saved LF set, placed for an editor: 1-based line and column in the YAML (0 = unknown), the
/// function it belongs to when known, and the file it is in when that is not the YAML (a C# or gazetteer file).
/// </summary>
public sealed record LabelingFunctionSetProblem(int Line, int Column, string? Function, string? File, string Message);
