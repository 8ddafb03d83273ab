using System.Diagnostics;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Counts;
using Labelforge.Core.Data;
using Labelforge.Core.Import.Labels;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Import.Readers.LabelStudio;
using Labelforge.Core.Import.Writing;
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
public sealed class ImportOperations(LabelforgeDb db, TimeProvider time, TaxonomyOperations taxonomy)
{
    public async Task<ImportReport> ImportAsync(long projectId, string source, ImportFormat format,
        IAsyncEnumerable<ImportEntry> entries, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var project = await RequireProject.FindAsync(db.Projects, projectId, ct);
        var state = new ImportState(options);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await ImportConnection.ForeignKeysAsync(db, false, ct);
            var tx = await db.Database.BeginTransactionAsync(ct);
            await ImportConnection.EnsureProjectAsync(db, projectId, ct);
            var batch = new ImportBatch { ProjectId = projectId, Source = source, Format = format.ToString().ToLowerInvariant(), StartedAt = time.GetUtcNow() };
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync(ct);
            if (!options.Strict)
                tx = await RenewAsync(tx, projectId, ct);
            var resolver = await taxonomy.ResolverAsync(projectId, ct);
            var labels = new ImportLabelMap(resolver);
            var writer = ImportSqlWriter.Create(db, projectId, batch.Id, time.GetUtcNow().ToUnixTimeMilliseconds());
            var rules = new ImportLabelRules(project, options, resolver);
            var queue = await db.QueueSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == projectId, ct);
            var stored = new ImportedItemsState(db, writer, projectId, queue);
            await using (var run = new ImportRun(db, taxonomy, project, batch, labels, rules, writer, state, stored) { Transaction = tx })
            {
                await run.WriteAsync(entries, progress, ct);
                tx = run.Transaction;
                KeepControl(project, run.Control);
                await KeepCocoCategoriesAsync(projectId, run.CocoCategories, ct);
                // The last batch's state goes in through the run's writer, so before it is disposed.
                if (!(options.Strict && state.ErrorCount > 0))
                    await stored.AddAsync(ct);
            }
            var rolledBack = options.Strict && state.ErrorCount > 0;
            await FinishAsync(tx, batch, state, rolledBack, ct);
            progress?.Report(state.Progress);
            return new ImportReport(rolledBack ? null : batch.Id, state.Rows, rolledBack ? 0 : state.Imported,
                rolledBack ? 0 : state.Skipped, rolledBack ? 0 : state.Annotations, state.ErrorCount, state.Errors,
                rolledBack ? [] : labels.Created, rolledBack, clock.Elapsed.TotalSeconds, labels.Notices,
                state.IgnoredCount, [.. state.Ignored.Select(r => $"{r.Value:N0} rows {r.Key}")]);
        }
        finally
        {
            await ImportConnection.ForeignKeysAsync(db, true, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The first Label Studio control names an import brings become the project's (saved with the batch's counts),
    /// so its Label Studio exports name the same controls; names the project has already are kept.
    /// </summary>
    private static void KeepControl(Project project, LabelStudioControl? control)
    {
        if (control is not null && project.LabelStudioFromName is null)
            (project.LabelStudioFromName, project.LabelStudioToName) = (control.FromName, control.ToName);
    }

    /// <summary>Rolls a failed strict import back, or records the counts and commits them with the last rows.</summary>
    /// <summary>
    /// A label without a COCO category id takes the one it was first imported with (saved with the batch), unless another
    /// label of the project has that id already: category ids stay unique, and a later file cannot renumber a label.
    /// </summary>
    private async Task KeepCocoCategoriesAsync(long projectId, IReadOnlyDictionary<long, long> categories, CancellationToken ct)
    {
        if (categories.Count == 0)
            return;
        var labels = await db.Labels.Where(l => l.ProjectId == projectId).ToListAsync(ct);
        var taken = labels.Where(l => l.CocoCategoryId is not null).Select(l => l.CocoCategoryId!.Value).ToHashSet();
        foreach (var label in labels.Where(l => l.CocoCategoryId is null && categories.ContainsKey(l.Id)).OrderBy(l => l.Id))
        {
            if (taken.Add(categories[label.Id]))
                label.CocoCategoryId = categories[label.Id];
        }
    }

    private async Task FinishAsync(IDbContextTransaction tx, ImportBatch batch, ImportState state, bool rolledBack, CancellationToken ct)
    {
        if (rolledBack)
        {
            await tx.RollbackAsync(ct);
            await tx.DisposeAsync();
            db.ChangeTracker.Clear();
            return;
        }
        batch.Imported = state.Imported;
        batch.SkippedDuplicates = state.Skipped;
        batch.Errors = state.ErrorCount;
        batch.FinishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await tx.DisposeAsync();
    }

    private async Task<IDbContextTransaction> RenewAsync(IDbContextTransaction tx, long projectId, CancellationToken ct)
    {
        await tx.CommitAsync(ct);
        await tx.DisposeAsync();
        var next = await db.Database.BeginTransactionAsync(ct);
        await ImportConnection.EnsureProjectAsync(db, projectId, ct);
        return next;
    }
}
