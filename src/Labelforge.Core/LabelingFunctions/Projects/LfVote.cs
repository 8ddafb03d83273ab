namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>One function's vote on an item.</summary>
public sealed record LfVote(string Function, string Label);
