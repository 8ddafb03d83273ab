namespace Labelforge.Training.Projects;

/// <summary>
/// A given label that is probably wrong, with the class the model believes instead and its label quality (lower = more
/// suspicious). <see cref="GivenAnnotationId"/> is the annotation a review fix supersedes.
/// </summary>
public sealed record SuspectedLabelError(int Rank, long ItemId, string Text, string Given, string Suggested, double Quality,
    long GivenAnnotationId = 0, string GivenAuthor = "", double SuggestedProbability = 0);
