using Labelforge.Core.Audit;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Queues.Settings;

/// <summary>Reads and changes a project's queue order: strategy, retrain interval, batch size and seed.</summary>
public sealed class QueueSettingsOperations(LabelforgeDb db, TimeProvider time, AuditLog audit)
{
    /// <summary>Upper bounds that keep a typo from scheduling a retrain never or a batch of millions.</summary>
    public const int MaxRetrainEvery = 100_000;
    public const int MaxBatchSize = 10_000;

    /// <summary>The most annotators one item can be asked to get.</summary>
    public const int MaxOverlap = 100;

    /// <summary>The project's settings; defaults (import order) when it never set any.</summary>
    public async Task<QueueSettings> GetAsync(long projectId, CancellationToken ct = default)
    {
        await RequireProject.ExistsAsync(db, projectId, ct);
        return await db.QueueSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == projectId, ct)
            ?? new QueueSettings { ProjectId = projectId, Strategy = ImportOrderStrategy.WireName };
    }

    public async Task<QueueSettings> SetAsync(long projectId, QueueSettingsUpdate update, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        await RequireProject.ExistsAsync(db, projectId, ct);
        if (update.Strategy is { } name && !QueueStrategies.Names.Contains(name))
            throw LabelforgeException.Invalid($"Unknown queue strategy '{name}'; use {string.Join(", ", QueueStrategies.Names)}.");
        if (update.Strategy is { } strategy && strategy != ImportOrderStrategy.WireName && strategy != SeededRandomStrategy.WireName)
            await TaskTypes.RequireClassLabelsAsync(db, projectId, $"The {strategy} queue (active learning)", ct);
        if (update.RetrainEvery is < 1 or > MaxRetrainEvery)
            throw LabelforgeException.Invalid($"Retrain-every must be between 1 and {MaxRetrainEvery} labels.");
        if (update.BatchSize is < 1 or > MaxBatchSize)
            throw LabelforgeException.Invalid($"Batch size must be between 1 and {MaxBatchSize}.");
        var settings = await db.QueueSettings.FirstOrDefaultAsync(s => s.ProjectId == projectId, ct);
        var fresh = settings is null;
        settings ??= new QueueSettings { ProjectId = projectId, Strategy = ImportOrderStrategy.WireName };
        settings.Strategy = update.Strategy ?? settings.Strategy;
        settings.RetrainEvery = update.RetrainEvery ?? settings.RetrainEvery;
        settings.BatchSize = update.BatchSize ?? settings.BatchSize;
        settings.Seed = update.Seed ?? settings.Seed;
        ApplyOverlap(settings, update);
        settings.UpdatedAt = time.GetUtcNow();
        if (fresh)
            db.QueueSettings.Add(settings);
        // A change of overlap re-decides every item of the project in the store (SQLite: a trigger on queue_settings).
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.QueueSettingsChanged, projectId, details: new
        {
            strategy = settings.Strategy, retrain_every = settings.RetrainEvery, batch_size = settings.BatchSize, seed = settings.Seed,
        }, ct: ct);
        return settings;
    }

    private static void ApplyOverlap(QueueSettings settings, QueueSettingsUpdate update)
    {
        if (update.OverlapMode is { } wire && wire != QueueSettings.FixedOverlap && wire != QueueSettings.AdaptiveOverlap)
            throw LabelforgeException.Invalid($"Unknown overlap mode '{wire}'; use {QueueSettings.FixedOverlap} or {QueueSettings.AdaptiveOverlap}.");
        foreach (var (value, name) in new[] { (update.Overlap, "Overlap"), (update.MinOverlap, "Min-overlap"), (update.MaxOverlap, "Max-overlap") })
        {
            if (value is < 1 or > MaxOverlap)
                throw LabelforgeException.Invalid($"{name} must be between 1 and {MaxOverlap} annotators.");
        }
        if (update.TargetConfidence is { } target && (double.IsNaN(target) || target <= 0 || target >= 1))
            throw LabelforgeException.Invalid("Target confidence must be above 0 and below 1 (e.g. 0.9).");
        if (update.GoldRate is { } rate && (double.IsNaN(rate) || rate < 0 || rate > 1))
            throw LabelforgeException.Invalid("Gold rate must be between 0 and 1 (e.g. 0.05 for one gold item in twenty).");
        var mode = update.OverlapMode ?? (update.Overlap is not null ? QueueSettings.FixedOverlap
            : update.MinOverlap is not null || update.MaxOverlap is not null || update.TargetConfidence is not null ? QueueSettings.AdaptiveOverlap
            : settings.OverlapMode);
        var min = update.MinOverlap ?? settings.MinOverlap;
        var max = update.MaxOverlap ?? Math.Max(settings.MaxOverlap, min);
        // Checked before anything changes, so a refused update leaves the tracked settings as they were.
        if (mode == QueueSettings.AdaptiveOverlap && max < min)
            throw LabelforgeException.Invalid($"Max-overlap ({max}) must be at least min-overlap ({min}).");
        settings.OverlapMode = mode;
        settings.Overlap = update.Overlap ?? settings.Overlap;
        (settings.MinOverlap, settings.MaxOverlap) = (min, max);
        settings.TargetConfidence = update.TargetConfidence ?? settings.TargetConfidence;
        settings.GoldRate = update.GoldRate ?? settings.GoldRate;
    }
}
