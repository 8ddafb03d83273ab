using Labelforge.Core.Common;

namespace Labelforge.Core.Accounts;

/// <summary>The wire names of the roles (`admin`, `member`; `manager`, `reviewer`, `annotator`), read with an error that lists them.</summary>
public static class RoleNames
{
    public static string Of(InstanceRole role) => role == InstanceRole.Admin ? "admin" : "member";

    public static string Of(ProjectRole role) => role.ToString().ToLowerInvariant();

    public static InstanceRole ParseInstanceRole(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "admin" => InstanceRole.Admin,
        "member" => InstanceRole.Member,
        _ => throw LabelforgeException.Invalid($"Unknown instance role '{name}'; use admin or member."),
    };

    public static ProjectRole ParseProjectRole(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "manager" => ProjectRole.Manager,
        "reviewer" => ProjectRole.Reviewer,
        "annotator" => ProjectRole.Annotator,
        _ => throw LabelforgeException.Invalid($"Unknown project role '{name}'; use manager, reviewer or annotator."),
    };
}
