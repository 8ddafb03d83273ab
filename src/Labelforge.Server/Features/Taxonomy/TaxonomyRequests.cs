namespace Labelforge.Server.Features.Taxonomy;

public sealed record AddLabelRequest(string? Name, string? Parent, string? Description, string? Hotkey, string? Color, string? Author);

public sealed record EditLabelRequest(string? Name, string? Description, string? Hotkey, string? Color, string? Author);

public sealed record MoveLabelRequest(string? Parent, string? Author);

public sealed record MergeLabelsRequest(IReadOnlyList<string>? Sources, string? Target, string? Author);

public sealed record SplitLabelRequest(string? Source, IReadOnlyList<string>? Targets, string? Author);
