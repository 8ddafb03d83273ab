namespace Labelforge.Server.Features.LabelingFunctions;

/// <summary>Which label model to fit: matrix-completion (default), majority-vote or dawid-skene (former names label-model and majority are accepted).</summary>
public sealed record FitLabelModelRequest(string? Model);
