namespace Labelforge.Core.Accounts;

/// <summary>
/// A member's role in one project, ordered: each role may do what the roles below it may. Annotators label their queue;
/// reviewers also read other people's labels and review label errors; managers also set the project up, run models and export.
/// </summary>
public enum ProjectRole
{
    Annotator = 1,
    Reviewer = 2,
    Manager = 3,
}
