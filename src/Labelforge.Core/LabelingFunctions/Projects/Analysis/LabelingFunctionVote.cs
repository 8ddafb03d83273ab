namespace Labelforge.Core.LabelingFunctions.Projects.Analysis;

/// <summary>One function's vote on an item.</summary>
public sealed record LabelingFunctionVote(string Function, string Label);
