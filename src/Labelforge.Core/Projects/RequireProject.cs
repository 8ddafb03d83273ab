using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Projects;

/// <summary>
/// The one check that a project id names a project: a NotFound <see cref="LabelforgeException"/> "No project with id N."
/// otherwise (HTTP 404 ProblemDetails, CLI exit 1). Operations call it for their callers outside the server; the
/// server also runs it once per request on the route groups under /projects/{projectId}.
/// </summary>
public static class RequireProject
{
    /// <summary>The error for an id that names no project.</summary>
    public static LabelforgeException NotFound(long projectId) => LabelforgeException.NotFound($"No project with id {projectId}.");

    /// <summary>Checks that the project exists (a key seek; nothing is loaded).</summary>
    public static async Task ExistsAsync(LabelforgeDb db, long projectId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, ct))
            throw NotFound(projectId);
    }

    /// <summary>The project from <paramref name="projects"/> (tracked or not, as the caller's query says).</summary>
    public static async Task<Project> FindAsync(IQueryable<Project> projects, long projectId, CancellationToken ct = default) =>
        await projects.FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw NotFound(projectId);
}
