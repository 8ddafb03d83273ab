namespace Labelforge.Server.Features.Accounts;

/// <summary>
/// The signed-in user: name (the author of their annotations), instance role, whether they have a password, and the
/// CSRF token a cookie-signed-in client sends in the X-CSRF-Token header with every write.
/// </summary>
public sealed record SessionInfo(string Name, string Role, bool HasPassword, string CsrfToken);

/// <summary>How one can sign in here: by password always; by OpenID Connect when configured (its button text), else null.</summary>
public sealed record SignInOptions(bool Password, string? OpenIdConnect);

/// <summary>A token just created: <see cref="Token"/> is its secret, shown this once.</summary>
public sealed record CreatedToken(string Token, Labelforge.Core.Accounts.TokenSummary Info);

/// <summary>GET /api/health.</summary>
public sealed record HealthStatus(string Status);
