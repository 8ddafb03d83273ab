namespace Labelforge.Server.Features.LabelingFunctions;

/// <summary>The YAML of an LF set to save as its next version.</summary>
public sealed record SaveLabelingFunctionSetRequest(string? Yaml);
