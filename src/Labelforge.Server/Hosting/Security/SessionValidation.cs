using Labelforge.Core.Accounts;
using Labelforge.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Server.Hosting.Security;

/// <summary>A session cookie stays valid only while its user exists with the same security stamp (a new password or role ends it).</summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.UserId() is not { } id)
        {
            context.RejectPrincipal();
            return;
        }
        var http = context.HttpContext;
        var user = await http.RequestServices.GetRequiredService<AccountOperations>().FindAsync(id, http.RequestAborted);
        if (user is null || user.SecurityStamp != context.Principal.FindFirst(UserPrincipal.StampClaim)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
        }
    }
}
