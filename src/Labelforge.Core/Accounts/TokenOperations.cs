using Labelforge.Core.Audit;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Accounts;

/// <summary>Personal API tokens and one-time sign-in links: create (the secret is returned once), authenticate, list, revoke.</summary>
public sealed class TokenOperations(LabelforgeDb db, TimeProvider time, AccountOperations accounts, AuditLog audit)
{
    /// <summary>How long a first-run sign-in link stays valid if nobody uses it.</summary>
    public static readonly TimeSpan SignInLinkLifetime = TimeSpan.FromDays(1);

    public async Task<NewToken> CreateAsync(string userName, string tokenName, TimeSpan? lifetime, CancellationToken ct = default) =>
        await CreateAsync(await accounts.GetAsync(userName, ct), tokenName, TokenKind.Api, lifetime, ct);

    public async Task<NewToken> CreateAsync(User user, string tokenName, TokenKind kind, TimeSpan? lifetime, CancellationToken ct = default)
    {
        if (lifetime is { } l && l <= TimeSpan.Zero)
            throw LabelforgeException.Invalid("A token's lifetime must be positive.");
        var secret = TokenSecrets.New();
        var now = time.GetUtcNow();
        var token = new ApiToken
        {
            UserId = user.Id, Name = string.IsNullOrWhiteSpace(tokenName) ? "token" : tokenName.Trim(), Kind = kind,
            Hash = TokenSecrets.Hash(secret), CreatedAt = now, ExpiresAt = now + lifetime,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.TokenCreated, target: user.Name, details: new { token_id = token.Id, name = token.Name, kind = kind.ToString(), expires_at = token.ExpiresAt }, ct: ct);
        return new NewToken(TokenSummary.From(token, user.Name), secret);
    }

    /// <summary>The user a valid (known, unexpired, unrevoked) API token belongs to; null otherwise.</summary>
    public async Task<User?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        var token = await FindLiveAsync(secret, TokenKind.Api, ct);
        return token is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == token.UserId, ct);
    }

    /// <summary>Uses up a sign-in link: the user when it is valid, and the link is deleted, so it works once.</summary>
    public async Task<User?> RedeemSignInLinkAsync(string secret, CancellationToken ct = default)
    {
        var token = await FindLiveAsync(secret, TokenKind.SignInLink, ct);
        if (token is null)
            return null;
        var deleted = await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteDeleteAsync(ct);
        return deleted == 0 ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == token.UserId, ct);
    }

    public async Task<IReadOnlyList<TokenSummary>> ListAsync(User user, CancellationToken ct = default) =>
        (await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id && t.Kind == TokenKind.Api).OrderBy(t => t.Id).ToListAsync(ct))
        .Select(t => TokenSummary.From(t, user.Name)).ToList();

    /// <summary>Revokes one of <paramref name="user"/>'s tokens; a token of someone else is not found.</summary>
    public async Task<TokenSummary> RevokeAsync(User user, long tokenId, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.Id && t.Kind == TokenKind.Api, ct)
            ?? throw LabelforgeException.NotFound($"No token with id {tokenId} for '{user.Name}'.");
        token.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.TokenRevoked, target: user.Name, details: new { token_id = token.Id, name = token.Name }, ct: ct);
        return TokenSummary.From(token, user.Name);
    }

    private async Task<ApiToken?> FindLiveAsync(string secret, TokenKind kind, CancellationToken ct)
    {
        if (!secret.StartsWith(TokenSecrets.Prefix, StringComparison.Ordinal))
            return null;
        var hash = TokenSecrets.Hash(secret);
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash && t.Kind == kind, ct);
        var now = time.GetUtcNow();
        return token is null || token.RevokedAt is not null || token.ExpiresAt <= now ? null : token;
    }
}
