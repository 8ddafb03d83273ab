using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Counts;

/// <summary>Reads a project's <see cref="ProjectCounts"/> row: one key seek.</summary>
public static class ProjectCountsReader
{
    /// <summary>The project's maintained counts; all zero for a project without a row (none is ever missing after the migration).</summary>
    public static async Task<ProjectCounts> ReadAsync(LabelforgeDb db, long projectId, CancellationToken ct = default) =>
        await db.ProjectCounts.AsNoTracking().FirstOrDefaultAsync(c => c.ProjectId == projectId, ct) ?? new ProjectCounts { ProjectId = projectId };
}
