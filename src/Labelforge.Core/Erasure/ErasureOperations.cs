using System.Security.Cryptography;
using System.Text;
using Labelforge.Core.Audit;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Items;
using Labelforge.Core.Media;
using Labelforge.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Erasure;

/// <summary>
/// Erases items from a project so nothing of them stays: the item row (text, document, external id) and with it,
/// by cascade, its annotations, annotation labels, labeling-function matrix rows, queue ranks, leases and skips; the
/// maintained counts and the undecided set follow by trigger, and the text index drops the row by trigger. Models
/// trained on the item are withdrawn (their serialized weights, which may hold its words, are wiped; metrics stay),
/// and its image file is deleted when no other item uses it. A tombstone (<see cref="Erasure"/>) and an audit entry
/// record who erased which item when. The store then makes sure its files keep no copy (<see cref="IErasureStore"/>),
/// and the process's in-memory caches forget the items (<see cref="IErasedItemCache"/>).
/// </summary>
public sealed class ErasureOperations(LabelforgeDb db, TimeProvider time, AuditLog audit, AuditActor actor,
    IEnumerable<IErasedItemCache> caches, IMediaStore? media = null)
{
    // The weights of a withdrawn model: none (a model's blob is never empty otherwise).
    private static readonly byte[] Withdrawn = [];

    /// <summary>Lower-case hex SHA-256 of an external id's UTF-8: what a tombstone keeps of it.</summary>
    public static string HashExternalId(string externalId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(externalId)));

    /// <summary>What <see cref="EraseAsync"/> would erase, changing nothing.</summary>
    public async Task<ErasureResult> PreviewAsync(long projectId, EraseRequest request, CancellationToken ct = default)
    {
        var (items, already) = await MatchAsync(projectId, request, ct);
        var ids = items.Select(i => i.ItemId).ToList();
        return new ErasureResult(projectId, true, items.Count, items.Take(EraseRequest.PreviewLimit).ToList(),
            await db.Annotations.CountAsync(a => ids.Contains(a.ItemId), ct),
            await db.LabelingFunctionMatrixRows.CountAsync(r => ids.Contains(r.ItemId), ct),
            await TrainedOn(projectId, ids).CountAsync(ct), 0, null, already);
    }

    /// <summary>Erases what <paramref name="request"/> names; an external id with no item is NotFound unless a tombstone holds it.</summary>
    public async Task<ErasureResult> EraseAsync(long projectId, EraseRequest request, CancellationToken ct = default)
    {
        var (items, already) = await MatchAsync(projectId, request, ct);
        if (items.Count == 0)
            return new ErasureResult(projectId, false, 0, [], 0, 0, 0, 0, null, already);
        var ids = items.Select(i => i.ItemId).ToList();
        var store = ErasureStoreOptionsExtension.Find(db);
        var now = time.GetUtcNow();
        int annotations = 0, rows = 0, models = 0;
        List<string> mediaKeys = [];
        var begun = false;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (store is not null)
            {
                await store.BeginAsync(db, ct);
                begun = true;
            }
            using (await WriteGate.EnterAsync(db, ct))
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var perItem = await db.Items.Where(i => ids.Contains(i.Id)).Select(i => new
                {
                    i.Id, i.ExternalId, i.DataJson,
                    Annotations = db.Annotations.Count(a => a.ItemId == i.Id),
                    FirstAnnotation = db.Annotations.Where(a => a.ItemId == i.Id).Min(a => (long?)a.Id),
                    Rows = db.LabelingFunctionMatrixRows.Count(r => r.ItemId == i.Id),
                }).ToListAsync(ct);
                // A model trained on an item read one of its annotations: the item's first annotation id is at most
                // the highest one the training read.
                var trained = await db.ModelVersions.Where(m => m.ProjectId == projectId && m.Blob != Withdrawn)
                    .Select(m => new { m.Id, m.TrainedThroughAnnotationId }).ToListAsync(ct);
                models = await TrainedOn(projectId, ids).ExecuteUpdateAsync(s => s.SetProperty(m => m.Blob, Withdrawn), ct);
                foreach (var item in perItem)
                {
                    var key = MediaOperations.KeyOf(item.DataJson);
                    if (key is not null)
                        mediaKeys.Add(key);
                    db.Tombstones.Add(new Tombstone
                    {
                        ProjectId = projectId, ItemId = item.Id, ExternalIdHash = item.ExternalId is null ? null : HashExternalId(item.ExternalId),
                        ErasedBy = actor.Name, ErasedAt = now, Reason = request.Reason, AnnotationsRemoved = item.Annotations,
                        MatrixRowsRemoved = item.Rows, ModelsWithdrawn = trained.Count(m => item.FirstAnnotation <= m.TrainedThroughAnnotationId), MediaFileRemoved = key is not null,
                    });
                    annotations += item.Annotations;
                    rows += item.Rows;
                }
                await db.SaveChangesAsync(ct);
                await db.Items.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct);
                await audit.WriteAsync(AuditActions.Erasure, projectId, ids.Count == 1 ? $"item {ids[0]}" : $"{ids.Count} items", new
                {
                    items = ids.Count, item_ids = ids.Take(EraseRequest.PreviewLimit), by = request.ExternalId is null ? "search" : "external-id",
                    request.Reason, annotations_removed = annotations, matrix_rows_removed = rows, models_withdrawn = models,
                }, ct);
                await tx.CommitAsync(ct);
            }
            // After the commit, so a cache refilled meanwhile from the database cannot pick the items up again.
            foreach (var cache in caches)
                cache.Forget(projectId, ids);
            var removedMedia = await DeleteUnusedMediaAsync(mediaKeys, ct);
            var cleanup = store is null ? null : await store.FinishAsync(db, ct);
            begun = false;
            return new ErasureResult(projectId, false, items.Count, items, annotations, rows, models, removedMedia, cleanup, already);
        }
        finally
        {
            // A failed erasure still turns the store's settings back (the pooled connection outlives this context).
            if (begun)
                await store!.FinishAsync(db, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Runs the store's cleanup again (after an erasure whose WAL checkpoint a reader held up).</summary>
    public async Task<ErasureCleanup?> CleanupAsync(CancellationToken ct = default)
    {
        if (ErasureStoreOptionsExtension.Find(db) is not { } store)
            return null;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await store.BeginAsync(db, ct);
            return await store.FinishAsync(db, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The project's tombstones, newest first.</summary>
    public async Task<IReadOnlyList<TombstoneView>> ListAsync(long projectId, CancellationToken ct = default)
    {
        await RequireProject.ExistsAsync(db, projectId, ct);
        return (await db.Tombstones.AsNoTracking().Where(e => e.ProjectId == projectId).OrderByDescending(e => e.Id).ToListAsync(ct))
            .Select(TombstoneView.From).ToList();
    }

    private async Task<(List<ErasedItem> Items, TombstoneView? Already)> MatchAsync(long projectId, EraseRequest request, CancellationToken ct)
    {
        request.Validate();
        await RequireProject.ExistsAsync(db, projectId, ct);
        var items = db.Items.AsNoTracking().Where(i => i.ProjectId == projectId);
        if (request.ExternalId is { Length: > 0 } externalId)
        {
            var found = await items.Where(i => i.ExternalId == externalId).Select(i => new ErasedItem(i.Id, i.ExternalId)).ToListAsync(ct);
            if (found.Count > 0)
                return (found, null);
            var hash = HashExternalId(externalId);
            var tombstone = await db.Tombstones.AsNoTracking().Where(e => e.ProjectId == projectId && e.ExternalIdHash == hash)
                .OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct)
                ?? throw LabelforgeException.NotFound($"No item with external id '{externalId}' in project {projectId}, and none was erased.");
            return ([], TombstoneView.From(tombstone));
        }
        var term = request.Search!.Trim();
        var pattern = ItemOperations.ContainsPattern(term);
        var matched = await items.Where(i => EF.Functions.Like(i.Text, pattern, "\\") || i.ExternalId == term)
            .OrderBy(i => i.Id).Select(i => new ErasedItem(i.Id, i.ExternalId)).ToListAsync(ct);
        return (matched, null);
    }

    // Model versions of the project whose training read an annotation of one of the items (its id is at most the
    // highest annotation id the training read) and whose weights are still there.
    private IQueryable<Models.ModelVersion> TrainedOn(long projectId, List<long> ids) =>
        db.ModelVersions.Where(m => m.ProjectId == projectId && m.Blob != Withdrawn
            && db.Annotations.Any(a => ids.Contains(a.ItemId) && a.Id <= m.TrainedThroughAnnotationId));

    // Media are stored once per content, so a file goes only when no item of any project still names its key.
    private async Task<int> DeleteUnusedMediaAsync(List<string> keys, CancellationToken ct)
    {
        if (media is null)
            return 0;
        var removed = 0;
        foreach (var key in keys.Distinct())
        {
            var pattern = ItemOperations.ContainsPattern(key);
            if (!await db.Items.AnyAsync(i => EF.Functions.Like(i.DataJson, pattern, "\\"), ct) && await media.DeleteAsync(key, ct))
                removed++;
        }
        return removed;
    }
}
