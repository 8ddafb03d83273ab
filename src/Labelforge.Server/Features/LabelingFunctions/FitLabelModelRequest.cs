namespace Labelforge.Server.Features.LabelingFunctions;

/// <summary>Which label model to fit: label-model (default), majority or dawid-skene.</summary>
public sealed record FitLabelModelRequest(string? Model);
