using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Consensus;

/// <summary>Reads and changes a project's <see cref="ConsensusSettings"/> (no row: the defaults).</summary>
public sealed class ConsensusSettingsOperations(LabelforgeDb db)
{
    public async Task<ConsensusSettingsView> GetAsync(long projectId, CancellationToken ct = default)
    {
        await RequireProject.ExistsAsync(db, projectId, ct);
        var row = await db.ConsensusSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == projectId, ct);
        return ConsensusSettingsView.From(row ?? new ConsensusSettings { ProjectId = projectId });
    }

    /// <summary>Applies the fields <paramref name="update"/> sets; an unknown method, a negative count or a threshold outside [0, 1] is Invalid.</summary>
    public async Task<ConsensusSettingsView> UpdateAsync(long projectId, ConsensusSettingsUpdate update, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        await RequireProject.ExistsAsync(db, projectId, ct);
        // Background reruns infer one class label per item; on another kind of project they would fail every time.
        if (update.RerunEvery > 0)
            await RequireRerunnableAsync(projectId, ct);
        var row = await db.ConsensusSettings.FirstOrDefaultAsync(s => s.ProjectId == projectId, ct);
        if (row is null)
            db.ConsensusSettings.Add(row = new ConsensusSettings { ProjectId = projectId });
        if (update.Method is not null)
            row.Method = ConsensusMethods.Parse(update.Method).Name;
        if (update.RerunEvery is { } every)
            row.RerunEvery = every >= 0 ? every : throw LabelforgeException.Invalid("rerun_every must be 0 (never) or a number of new human labels.");
        if (update.GoldAccuracyThreshold is { } threshold)
        {
            row.GoldAccuracyThreshold = threshold is >= 0 and <= 1 ? threshold
                : throw LabelforgeException.Invalid("gold_accuracy_threshold must be between 0 and 1.");
        }
        if (update.Seed is { } seed)
            row.Seed = seed;
        await db.SaveChangesAsync(ct);
        return ConsensusSettingsView.From(row);
    }

    private async Task RequireRerunnableAsync(long projectId, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == projectId, ct);
        if (TaskTypes.ValueKind(project.TaskType) != Annotations.AnnotationValueKind.ClassLabels || project.MultiLabel)
            throw LabelforgeException.Invalid(
                $"Background consensus reruns (rerun_every) infer one class label per item; project '{project.Name}' is " +
                $"{(project.MultiLabel ? "multi-label" : project.TaskType)}. Run its consensus with `labelforge consensus {project.Name}` instead.");
    }
}

/// <summary>A change of consensus settings; null fields stay as they are.</summary>
public sealed record ConsensusSettingsUpdate(string? Method = null, int? Seed = null, int? RerunEvery = null, double? GoldAccuracyThreshold = null);

/// <summary>A project's consensus settings as the API shows them.</summary>
public sealed record ConsensusSettingsView(string Method, int Seed, int RerunEvery, double GoldAccuracyThreshold)
{
    internal static ConsensusSettingsView From(ConsensusSettings s) => new(s.Method, s.Seed, s.RerunEvery, s.GoldAccuracyThreshold);
}
