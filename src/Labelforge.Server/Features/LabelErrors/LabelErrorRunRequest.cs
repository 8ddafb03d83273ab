namespace Labelforge.Server.Features.LabelErrors;

/// <summary>Body of POST label-errors/run: cross-validation folds (default 5) and seed (default 42).</summary>
public sealed record LabelErrorRunRequest(int? Folds, int? Seed);
