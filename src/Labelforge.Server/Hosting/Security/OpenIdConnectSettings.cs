namespace Labelforge.Server.Hosting.Security;

/// <summary>
/// Sign-in through an OpenID Connect provider (authorization code flow, ASP.NET Core's handler). A user the provider
/// signs in is matched by name (the `preferred_username`, else `email` claim) and created as a member on first sign-in;
/// admins then give them projects.
/// </summary>
public sealed record OpenIdConnectSettings
{
    public required string Authority { get; init; }

    public required string ClientId { get; init; }

    public string? ClientSecret { get; init; }

    /// <summary>What the sign-in page's button says, e.g. the provider's name.</summary>
    public string DisplayName { get; init; } = "single sign-on";
}
