namespace Labelforge.Server.Features.Models;

/// <summary>Body of POST /models/auto-accept (defaults: latest model, target precision 0.98, confidence 0.95, not a dry run).</summary>
public sealed record AutoAcceptBody(string? Model, double? TargetPrecision, double? Confidence, bool? DryRun);
