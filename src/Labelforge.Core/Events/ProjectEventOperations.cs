using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Events;

/// <summary>The <c>project_events</c> log: append once per (project, kind, key), list newest first.</summary>
public sealed class ProjectEventOperations(LabelforgeDb db, TimeProvider time)
{
    /// <summary>Records the event unless one with the same kind and key is already there; true when it was new.</summary>
    public async Task<bool> RecordOnceAsync(long projectId, string kind, string key, string detailsJson, CancellationToken ct = default)
    {
        using var gate = await WriteGate.EnterAsync(db, ct);
        if (await db.ProjectEvents.AnyAsync(e => e.ProjectId == projectId && e.Kind == kind && e.Key == key, ct))
            return false;
        db.ProjectEvents.Add(new ProjectEvent { ProjectId = projectId, Kind = kind, Key = key, DetailsJson = detailsJson, CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The project's events of <paramref name="kind"/> (null: all), newest first.</summary>
    public async Task<IReadOnlyList<ProjectEventView>> ListAsync(long projectId, string? kind = null, CancellationToken ct = default) =>
        await db.ProjectEvents.AsNoTracking().Where(e => e.ProjectId == projectId && (kind == null || e.Kind == kind))
            .OrderByDescending(e => e.Id).Select(e => new ProjectEventView(e.Id, e.Kind, e.Key, e.DetailsJson, e.CreatedAt)).ToListAsync(ct);
}
