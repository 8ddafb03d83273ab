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
        if (settings is null)
        {
            settings = new QueueSettings { ProjectId = projectId, Strategy = ImportOrderStrategy.WireName };
            db.QueueSettings.Add(settings);
        }
        settings.Strategy = update.Strategy ?? settings.Strategy;
        settings.RetrainEvery = update.RetrainEvery ?? settings.RetrainEvery;
        settings.BatchSize = update.BatchSize ?? settings.BatchSize;
        settings.Seed = update.Seed ?? settings.Seed;
        settings.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.QueueSettingsChanged, projectId, details: new
        {
            strategy = settings.Strategy, retrain_every = settings.RetrainEvery, batch_size = settings.BatchSize, seed = settings.Seed,
        }, ct: ct);
        return settings;
    }
}
