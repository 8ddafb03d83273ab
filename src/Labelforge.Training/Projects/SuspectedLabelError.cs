namespace Labelforge.Training.Projects;

/// <summary>A human label that is probably wrong, with the class the model believes instead and its label quality (lower = more suspicious).</summary>
public sealed record SuspectedLabelError(int Rank, long ItemId, string Text, string Given, string Suggested, double Quality);
