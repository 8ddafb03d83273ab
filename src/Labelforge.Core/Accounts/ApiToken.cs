namespace Labelforge.Core.Accounts;

/// <summary>
/// A stored token: only the SHA-256 of its secret is kept (the secret is shown once), with its expiry and revocation.
/// Secrets are 256 random bits, so a plain hash is enough (a slow password hash protects guessable secrets).
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public required string Name { get; set; }

    public TokenKind Kind { get; set; }

    public required byte[] Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
