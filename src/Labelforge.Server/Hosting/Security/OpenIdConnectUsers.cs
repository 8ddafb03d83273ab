using System.Security.Claims;
using Labelforge.Core.Accounts;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Server.Hosting.Security;

/// <summary>Maps the provider's user onto a Labelforge user (created as a member on first sign-in), whose claims the session then holds.</summary>
internal static class OpenIdConnectUsers
{
    public static async Task MapAsync(TokenValidatedContext context)
    {
        var claims = context.Principal;
        var name = claims?.FindFirstValue("preferred_username") ?? claims?.FindFirstValue(ClaimTypes.Email) ?? claims?.FindFirstValue("email");
        if (name is null)
        {
            context.Fail("The identity provider sent no preferred_username or email claim.");
            return;
        }
        var services = context.HttpContext.RequestServices;
        var accounts = services.GetRequiredService<AccountOperations>();
        User user;
        try
        {
            user = await accounts.FindByNameAsync(UserNames.Check(name), context.HttpContext.RequestAborted)
                ?? await accounts.AddAsync(name, InstanceRole.Member, password: null, context.HttpContext.RequestAborted);
        }
        catch (LabelforgeException e)
        {
            context.Fail(e.Message);
            return;
        }
        context.Principal = UserPrincipal.Create(user, AuthSchemes.Cookie);
        await services.GetRequiredService<Core.Audit.AuditLog>().WriteAsAsync(user.Name, Core.Audit.AuditActions.SignIn,
            details: new { method = "openid-connect", address = context.HttpContext.Connection.RemoteIpAddress?.ToString() }, ct: context.HttpContext.RequestAborted);
    }
}
