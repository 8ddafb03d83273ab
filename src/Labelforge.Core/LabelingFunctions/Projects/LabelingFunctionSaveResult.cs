namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>
/// What saving an LF set did: the version now current and whether saving made it. With <see cref="Errors"/>
/// nothing was stored and <see cref="Version"/> is the previous latest version (0: none).
/// </summary>
public sealed record LabelingFunctionSaveResult(string Set, int Version, bool NewVersion, IReadOnlyList<LabelingFunctionSetProblem> Errors);
