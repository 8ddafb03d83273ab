namespace Labelforge.Server.Features.Models;

/// <summary>Body of POST /models/predict: NAME or NAME@VERSION (default: the latest trained model), and whether to skip labeled items.</summary>
public sealed record PredictRequest(string? Model, bool? OnlyUnlabeled);
