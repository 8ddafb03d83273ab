using System.Text.Json;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Taxonomy;

/// <summary>
/// The versioned label tree. Every operation (add, edit, rename, move, deprecate, merge, split) bumps the
/// project's taxonomy version and records a <see cref="TaxonomyChange"/> with a snapshot of the tree.
/// </summary>
public sealed class TaxonomyOperations(LabelforgeDb db, TimeProvider time)
{
    public async Task<IReadOnlyList<LabelView>> GetLabelsAsync(long projectId, bool includeRetired = true, CancellationToken ct = default)
    {
        var resolver = await ResolverAsync(projectId, ct);
        return resolver.All
            .Where(l => includeRetired || l.Status is LabelStatus.Active)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
            .Select(resolver.View)
            .ToList();
    }

    /// <summary>The tree as it stood at <paramref name="version"/>, from that version's snapshot.</summary>
    public async Task<IReadOnlyList<LabelView>> GetLabelsAtAsync(long projectId, int version, CancellationToken ct = default)
    {
        var change = await db.TaxonomyChanges.AsNoTracking()
            .FirstOrDefaultAsync(c => c.ProjectId == projectId && c.Version == version, ct)
            ?? throw LabelforgeException.NotFound($"Taxonomy version {version} does not exist.");
        return JsonSerializer.Deserialize<List<LabelView>>(change.SnapshotJson, SnapshotJson) ?? [];
    }

    public async Task<IReadOnlyList<TaxonomyVersionView>> HistoryAsync(long projectId, CancellationToken ct = default) =>
        await db.TaxonomyChanges.AsNoTracking()
            .Where(c => c.ProjectId == projectId)
            .OrderBy(c => c.Version)
            .Select(c => new TaxonomyVersionView(c.Version, c.Operation, c.DetailsJson, c.Author, c.CreatedAt))
            .ToListAsync(ct);

    public async Task<LabelResolver> ResolverAsync(long projectId, CancellationToken ct = default) =>
        new(await db.Labels.AsNoTracking().Where(l => l.ProjectId == projectId).ToListAsync(ct));

    internal async Task AddManyAsync(Project project, IReadOnlyList<string> names, string? author, CancellationToken ct)
    {
        var labels = new List<Label>();
        foreach (var name in names)
        {
            var label = await NewLabelAsync(project, new NewLabel(name), labels, ct);
            labels.Add(label);
        }
        await CommitChangeAsync(project, "add", new { labels = labels.Select(l => new { id = l.Id, name = l.Name }) }, author, ct);
    }

    public async Task<LabelView> AddAsync(long projectId, NewLabel request, string? author = null, CancellationToken ct = default)
    {
        var project = await LockProjectAsync(projectId, ct);
        var label = await NewLabelAsync(project, request, [], ct);
        await CommitChangeAsync(project, "add", new { id = label.Id, name = label.Name, parent = label.ParentId }, author, ct);
        return (await ResolverAsync(projectId, ct)).View(label);
    }

    public async Task<LabelView> RenameAsync(long projectId, string labelRef, string newName, string? author = null, CancellationToken ct = default)
    {
        var project = await LockProjectAsync(projectId, ct);
        var label = await FindAsync(projectId, labelRef, ct);
        var name = LabelNames.Clean(newName);
        await EnsureNameFreeAsync(projectId, label.ParentId, name, label.Id, ct);
        var old = label.Name;
        label.Name = name;
        await CommitChangeAsync(project, "rename", new { id = label.Id, from = old, to = name }, author, ct);
        return (await ResolverAsync(projectId, ct)).View(label);
    }

    /// <summary>Sets description, hotkey and color; null leaves a field as it is, "" clears it.</summary>
    public async Task<LabelView> EditAsync(long projectId, string labelRef, string? description, string? hotkey, string? color, string? author = null, CancellationToken ct = default)
    {
        var project = await LockProjectAsync(projectId, ct);
        var label = await FindAsync(projectId, labelRef, ct);
        if (description is not null)
            label.Description = description.Length == 0 ? null : description;
        if (hotkey is not null)
            label.Hotkey = await ValidHotkeyAsync(projectId, hotkey, label.Id, ct);
        if (color is not null)
            label.Color = color.Length == 0 ? null : color;
        await CommitChangeAsync(project, "edit", new { id = label.Id, description, hotkey, color }, author, ct);
        return (await ResolverAsync(projectId, ct)).View(label);
    }

    public async Task<LabelView> MoveAsync(long projectId, string labelRef, string? newParentRef, string? author = null, CancellationToken ct = default)
    {
        var project = await LockProjectAsync(projectId, ct);
        var label = await FindAsync(projectId, labelRef, ct);
        Label? parent = string.IsNullOrEmpty(newParentRef) ? null : await FindAsync(projectId, newParentRef, ct);
        if (parent is not null)
        {
            var resolver = await ResolverAsync(projectId, ct);
            for (var p = parent; p is not null; p = p.ParentId is { } pid ? resolver.Find(pid) : null)
            {
                if (p.Id == label.Id)
                    throw LabelforgeException.Invalid($"Cannot move '{label.Name}' under its own descendant '{parent.Name}'.");
            }
        }
        await EnsureNameFreeAsync(projectId, parent?.Id, label.Name, label.Id, ct);
        var old = label.ParentId;
        label.ParentId = parent?.Id;
        await CommitChangeAsync(project, "move", new { id = label.Id, from = old, to = label.ParentId }, author, ct);
        return (await ResolverAsync(projectId, ct)).View(label);
    }

    public async Task<LabelView> DeprecateAsync(long projectId, string labelRef, string? author = null, CancellationToken ct = default)
    {
        var project = await LockProjectAsync(projectId, ct);
        var label = await FindAsync(projectId, labelRef, ct);
        RequireActive(label);
        label.Status = LabelStatus.Deprecated;
        label.RetiredInVersion = project.TaxonomyVersion + 1;
        await CommitChangeAsync(project, "deprecate", new { id = label.Id, name = label.Name }, author, ct);
        return (await ResolverAsync(projectId, ct)).View(label);
    }

    /// <summary>Merges sources into a target (an existing label, or a new one by that name). Sources then resolve to the target.</summary>
    public async Task<LabelView> MergeAsync(long projectId, IReadOnlyList<string> sourceRefs, string target, string? author = null, CancellationToken ct = default)
    {
        if (sourceRefs.Count == 0)
            throw LabelforgeException.Invalid("Merge needs at least one source label.");
        var project = await LockProjectAsync(projectId, ct);
        var sources = new List<Label>();
        foreach (var r in sourceRefs)
            sources.Add(await FindAsync(projectId, r, ct));
        var targetLabel = await FindOrNullAsync(projectId, target, ct);
        if (targetLabel is not null && sources.Any(s => s.Id == targetLabel.Id))
        {
            sources.RemoveAll(s => s.Id == targetLabel.Id);
        }
        if (sources.Count == 0)
            throw LabelforgeException.Invalid("Merge needs at least one source label other than the target.");
        // A merged label already counts, filters and exports as its target; merging it again would re-point only it.
        if (sources.FirstOrDefault(s => s.Status == LabelStatus.Merged) is { } merged)
            throw LabelforgeException.Invalid($"Label '{merged.Name}' is already merged; merge the label it resolves to instead.");
        foreach (var s in sources)
        {
            s.RetiredInVersion = project.TaxonomyVersion + 1;
            s.Status = LabelStatus.Merged; // frees the names before a new target may take one of them
        }
        await db.SaveChangesAsync(ct);
        targetLabel ??= await NewLabelAsync(project, new NewLabel(target, sources[0].ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture)), [], ct);
        RequireActive(targetLabel);
        foreach (var s in sources)
            s.MergedIntoId = targetLabel.Id;
        await CommitChangeAsync(project, "merge", new { sources = sources.Select(s => s.Id), target = targetLabel.Id, target_name = targetLabel.Name }, author, ct);
        return (await ResolverAsync(projectId, ct)).View(targetLabel);
    }

    /// <summary>Splits a label into targets (existing or new). Items carrying the source then need relabeling.</summary>
    public async Task<IReadOnlyList<LabelView>> SplitAsync(long projectId, string sourceRef, IReadOnlyList<string> targets, string? author = null, CancellationToken ct = default)
    {
        if (targets.Count < 2)
            throw LabelforgeException.Invalid("Split needs at least two target labels.");
        var project = await LockProjectAsync(projectId, ct);
        var source = await FindAsync(projectId, sourceRef, ct);
        RequireActive(source);
        source.Status = LabelStatus.Split;
        source.RetiredInVersion = project.TaxonomyVersion + 1;
        await db.SaveChangesAsync(ct);
        var made = new List<Label>();
        foreach (var t in targets)
        {
            var label = await FindOrNullAsync(projectId, t, ct)
                ?? await NewLabelAsync(project, new NewLabel(t, source.ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture)), made, ct);
            if (label.Id == source.Id)
                throw LabelforgeException.Invalid($"'{t}' is the label being split.");
            made.Add(label);
        }
        await CommitChangeAsync(project, "split", new { source = source.Id, targets = made.Select(l => l.Id) }, author, ct);
        var resolver = await ResolverAsync(projectId, ct);
        return made.Select(resolver.View).ToList();
    }

    public async Task<Label> FindAsync(long projectId, string labelRef, CancellationToken ct = default) =>
        await FindOrNullAsync(projectId, labelRef, ct)
        ?? throw LabelforgeException.NotFound($"No label '{labelRef}' in this project.");

    private async Task<Label?> FindOrNullAsync(long projectId, string labelRef, CancellationToken ct)
    {
        var labels = await db.Labels.Where(l => l.ProjectId == projectId).ToListAsync(ct);
        if (long.TryParse(labelRef, out var id) && labels.FirstOrDefault(l => l.Id == id) is { } byId)
            return byId;
        return new LabelResolver(labels).FindLive(labelRef);
    }

    private async Task<Project> LockProjectAsync(long projectId, CancellationToken ct) =>
        await RequireProject.FindAsync(db.Projects, projectId, ct);

    private async Task<Label> NewLabelAsync(Project project, NewLabel request, List<Label> pending, CancellationToken ct)
    {
        var name = LabelNames.Clean(request.Name);
        Label? parent = string.IsNullOrEmpty(request.Parent) ? null : await FindAsync(project.Id, request.Parent, ct);
        if (pending.FirstOrDefault(p => p.ParentId == parent?.Id && LabelNames.Same(p.Name, name)) is { } twice)
            throw LabelforgeException.Conflict(string.Equals(twice.Name, name, StringComparison.Ordinal)
                ? $"Label '{name}' is listed twice."
                : $"Labels '{twice.Name}' and '{name}' differ only in case; names under one parent are unique ignoring case.");
        await EnsureNameFreeAsync(project.Id, parent?.Id, name, null, ct);
        var order = await db.Labels.Where(l => l.ProjectId == project.Id).Select(l => (int?)l.SortOrder).MaxAsync(ct) ?? -1;
        var label = new Label
        {
            ProjectId = project.Id,
            Name = name,
            ParentId = parent?.Id,
            Description = request.Description,
            Hotkey = request.Hotkey is null ? null : await ValidHotkeyAsync(project.Id, request.Hotkey, null, ct),
            Color = request.Color,
            CreatedInVersion = project.TaxonomyVersion + 1,
            SortOrder = order + 1 + pending.Count,
        };
        db.Labels.Add(label);
        await db.SaveChangesAsync(ct);
        return label;
    }

    private async Task CommitChangeAsync(Project project, string operation, object details, string? author, CancellationToken ct)
    {
        project.TaxonomyVersion++;
        await db.SaveChangesAsync(ct);
        var resolver = await ResolverAsync(project.Id, ct);
        var snapshot = resolver.All.OrderBy(l => l.SortOrder).ThenBy(l => l.Id).Select(resolver.View).ToList();
        db.TaxonomyChanges.Add(new TaxonomyChange
        {
            ProjectId = project.Id,
            Version = project.TaxonomyVersion,
            Operation = operation,
            DetailsJson = JsonSerializer.Serialize(details, SnapshotJson),
            SnapshotJson = JsonSerializer.Serialize(snapshot, SnapshotJson),
            Author = author,
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Names are unique among a parent's live children, ignoring case (<see cref="LabelNames"/>); labels under
    /// different parents may share one ("Animals/Other", "Plants/Other") and are told apart by their paths.
    /// </summary>
    private async Task EnsureNameFreeAsync(long projectId, long? parentId, string name, long? except, CancellationToken ct)
    {
        var clash = await db.Labels
            .Where(l => l.ProjectId == projectId && l.ParentId == parentId && l.Id != except && (l.Status == LabelStatus.Active || l.Status == LabelStatus.Deprecated))
            .Select(l => l.Name)
            .ToListAsync(ct);
        var where = parentId is null ? "at the top of the tree" : "under the same parent";
        if (clash.FirstOrDefault(n => LabelNames.Same(n, name)) is { } taken)
            throw LabelforgeException.Conflict(string.Equals(taken, name, StringComparison.Ordinal)
                ? $"A label named '{name}' already exists {where}."
                : $"A label named '{taken}' already exists {where}; names under one parent are unique ignoring case, so '{name}' would be the same label.");
    }

    private async Task<string?> ValidHotkeyAsync(long projectId, string hotkey, long? except, CancellationToken ct)
    {
        if (hotkey.Length == 0)
            return null;
        if (hotkey.Length != 1 || !char.IsLetterOrDigit(hotkey[0]) || hotkey[0] is 's' or 'g')
            throw LabelforgeException.Invalid($"Hotkey '{hotkey}' must be one letter or digit other than 's' (skip) and 'g' (guidelines).");
        var key = hotkey.ToLowerInvariant();
        var taken = await db.Labels.AnyAsync(l => l.ProjectId == projectId && l.Id != except && l.Status == LabelStatus.Active && l.Hotkey == key, ct);
        if (taken)
            throw LabelforgeException.Conflict($"Hotkey '{key}' is already used by another label.");
        return key;
    }

    private static void RequireActive(Label label)
    {
        if (label.Status != LabelStatus.Active)
            throw LabelforgeException.Invalid($"Label '{label.Name}' is {label.Status.ToString().ToLowerInvariant()}; only active labels can take this operation.");
    }

    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
