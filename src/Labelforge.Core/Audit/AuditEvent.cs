namespace Labelforge.Core.Audit;

/// <summary>
/// One entry of the audit log (<c>audit_events</c>): who did what, when, in which project, to what. Append-only: the
/// store refuses to update or delete a row (SQLite triggers), and no operation offers either. Project and target are
/// plain values, not foreign keys, so deleting a project or erasing an item keeps its entries.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The user name who acted, <c>cli:OS-USER</c> for a command on the database file, or <c>system</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    public long? ProjectId { get; set; }

    /// <summary>What the action was done to (a user name, a token id, a set name, an item id); null when nothing more.</summary>
    public string? Target { get; set; }

    /// <summary>A JSON object with the action's particulars (never secrets, passwords or erased text).</summary>
    public string? DetailsJson { get; set; }
}
