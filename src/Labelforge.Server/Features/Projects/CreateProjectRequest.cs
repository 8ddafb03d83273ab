namespace Labelforge.Server.Features.Projects;

public sealed record CreateProjectRequest(string? Name, string? TaskType, bool MultiLabel, IReadOnlyList<string>? Labels, string? Guidelines,
    bool? OverlappingSpans = null, bool? SnapSpansToTokens = null);
