using System.Diagnostics;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelforge.Core.Import;

/// <summary>
/// Streams import entries into a project in batched transactions. Default mode keeps good rows and lists
/// bad ones; strict mode runs in one transaction and rolls back if any row is bad, so the database is
/// exactly as before. A row is bad as a whole (reader error, or an unknown label without CreateLabels).
/// </summary>
public sealed class ImportOperations(LabelforgeDb db, TimeProvider time)
{
    public async Task<ImportReport> ImportAsync(long projectId, string source, ImportFormat format,
        IAsyncEnumerable<ImportEntry> entries, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw LabelforgeException.NotFound($"No project with id {projectId}.");
        var state = new ImportState(options);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var tx = await db.Database.BeginTransactionAsync(ct);
            var batch = new ImportBatch { ProjectId = projectId, Source = source, Format = format.ToString().ToLowerInvariant(), StartedAt = time.GetUtcNow() };
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync(ct);
            if (!options.Strict)
                tx = await RenewAsync(tx, ct);
            var labels = new ImportLabelMap(await new TaxonomyOperations(db, time).ResolverAsync(projectId, ct));
            await using var writer = new ImportSqlWriter(db.Database.GetDbConnection(), projectId, batch.Id, time.GetUtcNow().ToUnixTimeMilliseconds());
            writer.Transaction = tx.GetDbTransaction();
            var sinceCommit = 0;
            await foreach (var entry in entries.WithCancellation(ct))
            {
                await ImportRowAsync(entry, project, batch, labels, writer, state, ct);
                if (!options.Strict && ++sinceCommit >= options.BatchSize)
                {
                    tx = await RenewAsync(tx, ct);
                    writer.Transaction = tx.GetDbTransaction();
                    sinceCommit = 0;
                    progress?.Report(state.Progress);
                }
            }
            var rolledBack = options.Strict && state.ErrorCount > 0;
            if (rolledBack)
            {
                await tx.RollbackAsync(ct);
                await tx.DisposeAsync();
                db.ChangeTracker.Clear();
            }
            else
            {
                batch.Imported = state.Imported;
                batch.SkippedDuplicates = state.Skipped;
                batch.Errors = state.ErrorCount;
                batch.FinishedAt = time.GetUtcNow();
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                await tx.DisposeAsync();
            }
            progress?.Report(state.Progress);
            return new ImportReport(rolledBack ? null : batch.Id, state.Rows, rolledBack ? 0 : state.Imported,
                rolledBack ? 0 : state.Skipped, rolledBack ? 0 : state.Annotations, state.ErrorCount, state.Errors,
                rolledBack ? [] : labels.Created, rolledBack, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task ImportRowAsync(ImportEntry entry, Project project, ImportBatch batch, ImportLabelMap labels,
        ImportSqlWriter writer, ImportState state, CancellationToken ct)
    {
        state.Rows++;
        if (entry.Error is { } error || entry.Record is not { } record)
        {
            state.AddError(entry.Error ?? new ImportError("?", 0, null, "reader returned an empty entry"));
            return;
        }
        var resolved = new List<(ImportedAnnotation Source, long[] Ids)>(record.Annotations.Count);
        foreach (var annotation in record.Annotations)
        {
            var ids = await labels.MapAsync(annotation.Labels, state.Options.CreateLabels, name => CreateLabelAsync(project, name, ct));
            if (ids.Unknown is { } unknown)
            {
                state.AddError(new ImportError(record.Source, record.Line, "label",
                    $"unknown label '{unknown}'; add it to the taxonomy first or import with --create-labels"));
                return;
            }
            resolved.Add((annotation, ids.Ids));
        }
        var hash = ContentHash.Of(record.Text);
        if (!writer.InsertItem(record, hash))
        {
            state.Skipped++;
            return;
        }
        state.Imported++;
        if (resolved.Count == 0)
            return;
        var id = writer.ItemId(hash);
        foreach (var (source, ids) in resolved)
        {
            if (!project.MultiLabel && ids.Length > 1)
                continue; // a single-label project keeps only unambiguous pre-annotations
            var author = source.Author ?? $"import:{batch.Id}";
            writer.InsertAnnotation(id, author, source.Kind.ToWire(), ids, source.Confidence, project.TaxonomyVersion);
            state.Annotations++;
        }
    }

    private async Task<long> CreateLabelAsync(Project project, string name, CancellationToken ct)
    {
        var view = await new TaxonomyOperations(db, time).AddAsync(project.Id, new NewLabel(name), "import", ct);
        await db.Entry(project).ReloadAsync(ct);
        return view.Id;
    }

    private async Task<IDbContextTransaction> RenewAsync(IDbContextTransaction tx, CancellationToken ct)
    {
        await tx.CommitAsync(ct);
        await tx.DisposeAsync();
        return await db.Database.BeginTransactionAsync(ct);
    }
}
