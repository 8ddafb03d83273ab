namespace Labelforge.Server.Hosting.Security;

/// <summary>
/// Authentication schemes. <see cref="Default"/> forwards a request with `Authorization: Bearer` to the token handler
/// and any other to the session cookie, so a script and a browser reach the same endpoints.
/// </summary>
public static class AuthSchemes
{
    public const string Default = "labelforge";

    public const string Cookie = "cookie";

    public const string Bearer = "bearer";

    public const string OpenIdConnect = "oidc";

    /// <summary>The session cookie's name (HttpOnly, Secure, SameSite=Lax).</summary>
    public const string SessionCookie = "lf-session";
}
