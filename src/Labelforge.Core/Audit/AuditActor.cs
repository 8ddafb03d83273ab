namespace Labelforge.Core.Audit;

/// <summary>
/// Who acts in this scope (an HTTP request, a CLI command), for the audit log: the server sets the signed-in user's
/// name once authentication ran, the CLI <c>cli:OS-USER</c>; nobody set is <see cref="System"/> (background work).
/// </summary>
public sealed class AuditActor
{
    public const string System = "system";

    public string Name { get; set; } = System;

    /// <summary>The actor of a command run on the database file by the operating-system user <paramref name="osUser"/>.</summary>
    public static string Cli(string osUser) => "cli:" + osUser;
}
