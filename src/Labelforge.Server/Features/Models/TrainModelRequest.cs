namespace Labelforge.Server.Features.Models;

/// <summary>Body of POST /models/train; every field optional (linear, name = kind, human labels only, seed 42, 20% held out).</summary>
public sealed record TrainModelRequest(string? Model, string? Name, bool? IncludeProgrammatic, int? Seed, double? TestFraction);
