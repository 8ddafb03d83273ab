namespace Labelforge.Storage.Sqlite;

/// <summary>
/// Keeps <c>audit_events</c> append-only on SQLite: triggers refuse every UPDATE and DELETE, whoever sends it (the
/// app has no such code path; this guards against one being added, and against a stray SQL session).
/// </summary>
internal static class AuditLogSql
{
    public static IReadOnlyList<string> Create { get; } =
    [
        "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;",
        "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;",
    ];

    public static IReadOnlyList<string> Drop { get; } =
        ["DROP TRIGGER IF EXISTS audit_events_no_update;", "DROP TRIGGER IF EXISTS audit_events_no_delete;"];
}
