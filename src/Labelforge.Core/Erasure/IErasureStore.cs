using Labelforge.Core.Data;

namespace Labelforge.Core.Erasure;

/// <summary>
/// A store's part in an erasure, so its files keep no trace of what was erased: <see cref="BeginAsync"/> runs on the
/// erasing connection before the delete (SQLite: secure_delete, and the text index's own secure delete), and
/// <see cref="FinishAsync"/> after the commit (SQLite: restore the settings, checkpoint and truncate the WAL). A
/// store without one only deletes the rows (a PostgreSQL store would VACUUM the tables it touched).
/// </summary>
public interface IErasureStore
{
    Task BeginAsync(LabelforgeDb db, CancellationToken ct);

    Task<ErasureCleanup> FinishAsync(LabelforgeDb db, CancellationToken ct);
}
