namespace Labelforge.Core.Accounts;

/// <summary>A user as listings show them: never the password hash.</summary>
public sealed record UserSummary(long Id, string Name, InstanceRole Role, bool HasPassword, DateTimeOffset CreatedAt)
{
    public static UserSummary From(User u) => new(u.Id, u.Name, u.Role, u.PasswordHash is not null, u.CreatedAt);
}
