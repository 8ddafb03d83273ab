using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Guidelines;

/// <summary>
/// Versioned guidelines: the project keeps the current text and version number (<see cref="Project.GuidelineVersion"/>),
/// <c>guideline_versions</c> keeps every version. An edit that changes the text appends a version; saving the same
/// text again is not an edit and keeps the version.
/// </summary>
public sealed class GuidelineOperations(LabelforgeDb db, TimeProvider time)
{
    /// <summary>Records <paramref name="project"/>'s current text as its next version (the caller saves, in its transaction).</summary>
    internal void Append(Project project, string markdown, string? author)
    {
        project.Guidelines = markdown;
        project.GuidelineVersion++;
        db.GuidelineVersions.Add(new GuidelineVersion
        {
            ProjectId = project.Id,
            Version = project.GuidelineVersion,
            Text = markdown,
            Author = author,
            CreatedAt = time.GetUtcNow(),
        });
    }

    /// <summary>Replaces the guidelines with <paramref name="markdown"/> as a new version (none when the text is unchanged).</summary>
    public async Task<Project> UpdateAsync(long projectId, string markdown, string? author, CancellationToken ct = default)
    {
        // Read inside the gate, so two concurrent edits number their versions one after the other.
        using var gate = await WriteGate.EnterAsync(db, ct);
        var project = await RequireProject.FindAsync(db.Projects, projectId, ct);
        if (project.Guidelines == markdown && project.GuidelineVersion > 0)
            return project;
        Append(project, markdown, author);
        await db.SaveChangesAsync(ct);
        return project;
    }

    /// <summary>Every version, oldest first, without their texts.</summary>
    public async Task<IReadOnlyList<GuidelineVersionView>> HistoryAsync(long projectId, CancellationToken ct = default)
    {
        await RequireProject.FindAsync(db.Projects.AsNoTracking(), projectId, ct);
        return await db.GuidelineVersions.AsNoTracking().Where(g => g.ProjectId == projectId).OrderBy(g => g.Version)
            .Select(g => new GuidelineVersionView(g.Version, g.Author, g.CreatedAt, g.Text.Length, null)).ToListAsync(ct);
    }

    /// <summary>One version with its text (null: the current one).</summary>
    public async Task<GuidelineVersionView> GetAsync(long projectId, int? version, CancellationToken ct = default)
    {
        var project = await RequireProject.FindAsync(db.Projects.AsNoTracking(), projectId, ct);
        var wanted = version ?? project.GuidelineVersion;
        var row = await db.GuidelineVersions.AsNoTracking().FirstOrDefaultAsync(g => g.ProjectId == projectId && g.Version == wanted, ct);
        if (row is null)
            throw LabelforgeException.NotFound($"Project '{project.Name}' has no guideline version {wanted}; it has versions 1..{project.GuidelineVersion} (list them with `labelforge guidelines {project.Name} history`).");
        return new GuidelineVersionView(row.Version, row.Author, row.CreatedAt, row.Text.Length, row.Text);
    }
}
