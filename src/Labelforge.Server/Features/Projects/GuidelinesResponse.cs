namespace Labelforge.Server.Features.Projects;

/// <summary>The guidelines after an edit, with the version they now are.</summary>
public sealed record GuidelinesResponse(string Markdown, int Version);
