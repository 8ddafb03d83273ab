namespace Labelforge.Core.Accounts;

/// <summary>A token as listings show it: never its secret or hash.</summary>
public sealed record TokenSummary(long Id, string User, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public static TokenSummary From(ApiToken t, string user) => new(t.Id, user, t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt);
}
