using Labelforge.Core.Audit;
using Labelforge.Core.Common;
using Labelforge.Core.Counts;
using Labelforge.Core.Data;
using Labelforge.Core.Guidelines;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Projects;

/// <summary>Create, find, list, update and delete projects.</summary>
public sealed class ProjectOperations(LabelforgeDb db, TimeProvider time, TaxonomyOperations taxonomy, AuditLog audit, GuidelineOperations guidelines)
{
    public async Task<Project> CreateAsync(NewProject request, CancellationToken ct = default)
    {
        var name = request.Name.Trim();
        if (name.Length == 0)
            throw LabelforgeException.Invalid("A project needs a name.");
        var taskType = TaskTypes.Normalize(request.TaskType)
            ?? throw LabelforgeException.Invalid($"Unknown task type '{request.TaskType}'; use one of: {string.Join(", ", TaskTypes.All)}.");
        if (!TaskTypes.Supported.Contains(taskType))
            throw LabelforgeException.Invalid($"Task type '{taskType}' is not supported yet; supported: {string.Join(", ", TaskTypes.Supported)}.");
        if (taskType == TaskTypes.TextSpans && request.MultiLabel)
            throw LabelforgeException.Invalid("A text-spans project takes any number of spans per item; --multi-label does not apply to it.");
        if (await db.Projects.AnyAsync(p => p.Name == name, ct))
            throw LabelforgeException.Conflict($"A project named '{name}' already exists.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var project = new Project
        {
            Name = name,
            TaskType = taskType,
            MultiLabel = request.MultiLabel,
            OverlappingSpans = request.OverlappingSpans,
            SnapSpansToTokens = request.SnapSpansToTokens,
            CreatedAt = time.GetUtcNow(),
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        guidelines.Append(project, request.Guidelines, author: null);
        await db.SaveChangesAsync(ct);
        var labels = (request.Labels ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (labels.Count > 0)
            await taxonomy.AddManyAsync(project, labels, author: null, ct);
        await audit.WriteAsync(AuditActions.ProjectCreated, project.Id, project.Name, new { task_type = taskType, multi_label = request.MultiLabel }, ct);
        await tx.CommitAsync(ct);
        return project;
    }

    /// <summary>Finds a project by numeric id or by name.</summary>
    public async Task<Project> GetAsync(string idOrName, CancellationToken ct = default)
    {
        Project? project = long.TryParse(idOrName, out var id)
            ? await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct)
            : null;
        project ??= await db.Projects.FirstOrDefaultAsync(p => p.Name == idOrName, ct);
        return project ?? throw LabelforgeException.NotFound($"No project '{idOrName}'. List projects with `labelforge project list`.");
    }

    public async Task<Project> GetAsync(long id, CancellationToken ct = default) =>
        await RequireProject.FindAsync(db.Projects, id, ct);

    public Task<IReadOnlyList<ProjectSummary>> ListAsync(CancellationToken ct = default) => ListAsync(ids: null, ct);

    /// <summary>The projects among <paramref name="ids"/> (null: all), in id order.</summary>
    public async Task<IReadOnlyList<ProjectSummary>> ListAsync(IReadOnlyCollection<long>? ids, CancellationToken ct = default)
    {
        var query = db.Projects.AsNoTracking();
        if (ids is not null)
            query = query.Where(p => ids.Contains(p.Id));
        var projects = await query.OrderBy(p => p.Id).ToListAsync(ct);
        var result = new List<ProjectSummary>(projects.Count);
        foreach (var p in projects)
            result.Add(await SummarizeAsync(p, ct));
        return result;
    }

    public async Task<ProjectSummary> SummarizeAsync(Project p, CancellationToken ct = default)
    {
        var labels = await db.Labels.CountAsync(l => l.ProjectId == p.Id && l.Status == LabelStatus.Active, ct);
        var counts = await ProjectCountsReader.ReadAsync(db, p.Id, ct); // maintained counts: a seek, not a count of the items
        return new ProjectSummary(p.Id, p.Name, p.TaskType, p.MultiLabel, p.TaxonomyVersion, labels, counts.Items, counts.AnnotatedItems, p.CreatedAt)
        {
            OverlappingSpans = p.OverlappingSpans,
            SnapSpansToTokens = p.SnapSpansToTokens,
        };
    }

    /// <summary>Replaces the guidelines as a new version (see <see cref="GuidelineOperations.UpdateAsync"/>).</summary>
    public async Task<Project> UpdateGuidelinesAsync(long projectId, string markdown, string? author = null, CancellationToken ct = default)
    {
        var project = await guidelines.UpdateAsync(projectId, markdown, author, ct);
        await audit.WriteAsync(AuditActions.GuidelinesChanged, projectId, details: new { length = markdown.Length, version = project.GuidelineVersion }, ct: ct);
        return project;
    }

    /// <summary>Deletes a project with its labels, items and annotations (cascading foreign keys).</summary>
    public async Task DeleteAsync(long projectId, CancellationToken ct = default)
    {
        var deleted = await db.Projects.Where(p => p.Id == projectId).ExecuteDeleteAsync(ct);
        if (deleted == 0)
            throw RequireProject.NotFound(projectId);
        await audit.WriteAsync(AuditActions.ProjectDeleted, projectId, ct: ct);
    }
}
