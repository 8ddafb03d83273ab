using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Import.Writing;

/// <summary>
/// Settings of the connection an import holds. On SQLite, foreign key checks are off while it runs: with them
/// on, a multi-row INSERT may abort part-way on a foreign key, so SQLite keeps a statement journal that copies
/// every page the statement touches (it measured as the largest single cost of the insert). The one foreign key
/// the import could break is items.ProjectId, so <see cref="EnsureProjectAsync"/> checks the project inside each
/// transaction before writing: a delete committed after that check makes the write fail (stale WAL snapshot)
/// instead of leaving orphans. Every other row the import writes refers to rows it wrote itself.
/// </summary>
internal static class ImportConnection
{
    public static async Task ForeignKeysAsync(LabelforgeDb db, bool on, CancellationToken ct)
    {
        if (db.Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) == true)
            await db.Database.ExecuteSqlRawAsync(on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF", ct);
    }

    public static async Task EnsureProjectAsync(LabelforgeDb db, long projectId, CancellationToken ct)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, ct))
            throw LabelforgeException.NotFound($"Project {projectId} was deleted during the import.");
    }
}
