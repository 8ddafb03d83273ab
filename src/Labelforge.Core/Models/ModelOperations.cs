using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Models;

/// <summary>Stored model versions of a project: save a new version, list them, get one (the latest by default).</summary>
public sealed class ModelOperations(LabelforgeDb db, TimeProvider time)
{
    /// <summary>Stores <paramref name="model"/> as the next version of its name; sets Version and CreatedAt.</summary>
    public async Task<ModelVersion> SaveAsync(ModelVersion model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelKinds.All.Contains(model.Kind))
            throw LabelforgeException.Invalid($"Unknown model kind '{model.Kind}'; use {string.Join(" or ", ModelKinds.All)}.");
        CheckName(model.Name);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var latest = await db.ModelVersions.Where(m => m.ProjectId == model.ProjectId && m.Name == model.Name)
            .MaxAsync(m => (int?)m.Version, ct);
        model.Version = (latest ?? 0) + 1;
        model.CreatedAt = time.GetUtcNow();
        db.ModelVersions.Add(model);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.Entry(model).State = EntityState.Detached; // the blob can be large: don't keep it tracked
        return model;
    }

    /// <summary>Versions of a project's models without their blobs, newest first; only <paramref name="name"/>'s when given.</summary>
    public async Task<IReadOnlyList<ModelVersionView>> ListAsync(long projectId, string? name = null, CancellationToken ct = default)
    {
        var rows = await db.ModelVersions.AsNoTracking()
            .Where(m => m.ProjectId == projectId && (name == null || m.Name == name))
            .OrderByDescending(m => m.Id)
            .Select(m => new ModelVersion
            {
                Id = m.Id, ProjectId = m.ProjectId, Name = m.Name, Version = m.Version, Kind = m.Kind, CreatedAt = m.CreatedAt,
                TaxonomyVersion = m.TaxonomyVersion, TrainingItems = m.TrainingItems, LabelCountsJson = m.LabelCountsJson,
                ClassLabelIdsJson = m.ClassLabelIdsJson, OptionsJson = m.OptionsJson, MetricsJson = m.MetricsJson,
                HeldOutJson = "", TrainedThroughAnnotationId = m.TrainedThroughAnnotationId, TrainingSeconds = m.TrainingSeconds, Blob = Array.Empty<byte>(),
            })
            .ToListAsync(ct);
        return rows.Select(ModelVersionView.From).ToList();
    }

    /// <summary>
    /// A model version with its blob: <paramref name="reference"/> is NAME or NAME@VERSION (latest of NAME when no
    /// version); null means the most recently trained model of the project.
    /// </summary>
    public async Task<ModelVersion> GetAsync(long projectId, string? reference = null, CancellationToken ct = default)
    {
        var query = db.ModelVersions.AsNoTracking().Where(m => m.ProjectId == projectId);
        if (reference is null)
        {
            return await query.OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct)
                ?? throw LabelforgeException.NotFound("This project has no trained model yet; run `labelforge train PROJECT` first.");
        }
        var (name, version) = ModelKinds.ParseReference(reference);
        query = query.Where(m => m.Name == name);
        var found = version is { } v
            ? await query.FirstOrDefaultAsync(m => m.Version == v, ct)
            : await query.OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
        return found ?? throw LabelforgeException.NotFound($"No model '{reference}' in this project.");
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || name.Any(c => c == '@' || char.IsWhiteSpace(c) || char.IsControl(c)))
            throw LabelforgeException.Invalid($"Model name '{name}' must be 1-100 characters without spaces or '@'.");
    }
}
