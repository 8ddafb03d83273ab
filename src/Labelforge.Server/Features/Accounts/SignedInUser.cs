using System.Security.Claims;
using Labelforge.Core.Common;
using Labelforge.Server.Hosting.Security;

namespace Labelforge.Server.Features.Accounts;

/// <summary>
/// The person a request acts as is the signed-in user, never a name the client sends: a body or query field naming the
/// annotator (or reviewer) may be left out, and if sent must be that user's name, so an old client that still sends a
/// name fails loudly instead of labeling as someone else.
/// </summary>
public static class SignedInUser
{
    public static string Name(ClaimsPrincipal user, string? claimed, string field = "annotator")
    {
        var name = user.UserName();
        if (!string.IsNullOrEmpty(claimed) && claimed != name)
            throw LabelforgeException.Invalid($"The {field} is the signed-in user, '{name}'; leave {field} out or send '{name}', not '{claimed}'.");
        return name;
    }
}
