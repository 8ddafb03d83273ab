using Labelforge.Core.Accounts;
using Microsoft.AspNetCore.Http;

namespace Labelforge.Server.Hosting.Security;

/// <summary>
/// The signed-in user's role in the request's project, as the project policy found it (an admin counts as manager);
/// kept on the request so an endpoint whose body chooses what it does (an annotation's kind) can ask for more.
/// </summary>
public sealed record ProjectAccess(long ProjectId, ProjectRole Role)
{
    private static readonly object Key = new();

    public static ProjectAccess? Of(HttpContext http) => http.Items.TryGetValue(Key, out var value) ? value as ProjectAccess : null;

    internal static void Set(HttpContext http, ProjectAccess access) => http.Items[Key] = access;

    /// <summary>
    /// True when the signed-in user may see the project's personal data unmasked: its managers and admins. Everyone
    /// else (annotators, reviewers) reads masked texts wherever the project masks.
    /// </summary>
    public static bool MaySeePersonalData(HttpContext http) => Of(http) is { Role: ProjectRole.Manager };

    /// <summary>Throws a 403 when the user's role in the project is below <paramref name="role"/>.</summary>
    public static void Require(HttpContext http, ProjectRole role, string what)
    {
        if (Of(http) is not { } access || access.Role < role)
            throw new ForbiddenException($"{what} needs the {role.ToString().ToLowerInvariant()} role in this project.");
    }
}
