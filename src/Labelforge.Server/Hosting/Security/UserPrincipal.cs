using System.Globalization;
using System.Security.Claims;
using Labelforge.Core.Accounts;

namespace Labelforge.Server.Hosting.Security;

/// <summary>The signed-in user as claims: id, name (the author of their annotations), instance role and security stamp.</summary>
public static class UserPrincipal
{
    public const string StampClaim = "lf:stamp";

    public const string AdminRole = "admin";

    public static ClaimsPrincipal Create(User user, string authenticationType) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, user.Name),
        new Claim(ClaimTypes.Role, user.Role == InstanceRole.Admin ? AdminRole : "member"),
        new Claim(StampClaim, user.SecurityStamp),
    ], authenticationType, ClaimTypes.Name, ClaimTypes.Role));

    public static long? UserId(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The signed-in user's name; only endpoints behind a policy call it, so a user is there.</summary>
    public static string UserName(this ClaimsPrincipal principal) =>
        principal.Identity?.Name ?? throw new InvalidOperationException("No signed-in user on a request that requires one.");

    public static bool IsAdmin(this ClaimsPrincipal principal) => principal.IsInRole(AdminRole);
}
