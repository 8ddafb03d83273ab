namespace Labelforge.Core.Accounts;

/// <summary>A user's role in a project; admins need none to see every project.</summary>
public sealed class ProjectMember
{
    public long ProjectId { get; set; }

    public long UserId { get; set; }

    public ProjectRole Role { get; set; }
}
