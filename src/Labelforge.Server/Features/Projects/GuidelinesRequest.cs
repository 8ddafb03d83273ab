namespace Labelforge.Server.Features.Projects;

public sealed record GuidelinesRequest(string? Markdown);
