using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Counts;
using Labelforge.Core.Data;
using Labelforge.Core.Gold;
using Labelforge.Core.Items;
using Labelforge.Core.Media;
using Labelforge.Core.Privacy;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Queues;

/// <summary>
/// Hands items to annotators through leases. An item is done for the queue once as many distinct people labeled it as
/// the project's overlap needs (one by default; a review or a gold answer also takes it out). Claiming runs in one write
/// transaction (SQLite: BEGIN IMMEDIATE, so claims serialize) that first clears stale leases and then inserts new ones;
/// the candidates are one SQL statement, in which an item's labels and leases together stay below its needed number, so
/// no item is over-served; the unique index on (item, annotator) is the backstop against a repeat. Gold items are mixed
/// in at the project's gold rate (<see cref="GoldMix"/>).
/// </summary>
public sealed class QueueOperations(LabelforgeDb db, TimeProvider time, QueueOptions options, AnnotationOperations annotations, PiiOperations pii)
{
    public async Task<IReadOnlyList<QueueItem>> NextAsync(long projectId, QueueRequest request, CancellationToken ct = default)
    {
        var annotator = Validate(request.Annotator);
        if (request.Count < 1 || request.Count > options.MaxBatch)
            throw LabelforgeException.Invalid($"Count must be between 1 and {options.MaxBatch}.");
        RequestLimits.Check(request.Exclude?.Count, RequestLimits.MaxIds, "exclude");
        var taskType = await TaskTypeAsync(projectId, ct);
        var settings = await db.QueueSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == projectId, ct);
        var strategy = Strategy(projectId, request, settings);
        var exclude = request.Exclude?.ToList() ?? [];
        var now = time.GetUtcNow();
        var expires = now + options.LeaseDuration;

        List<ItemLease> held;
        using (await WriteGate.EnterAsync(db, ct))
            held = await ClaimAsync(projectId, annotator, request.Count, strategy, settings, exclude, now, expires, ct);
        return await LoadAsync(held, TaskTypes.ValueKind(taskType), request.Unmasked, ct);
    }

    private async Task<List<ItemLease>> ClaimAsync(long projectId, string annotator, int count, IQueueStrategy strategy, QueueSettings? settings,
        List<long> exclude, DateTimeOffset now, DateTimeOffset expires, CancellationToken ct)
    {
        await using var claim = await ClaimTransaction.BeginAsync(db, ct);
        await ClearStaleAsync(projectId, now, ct);
        var held = await db.ItemLeases
            .Where(l => l.ProjectId == projectId && l.Annotator == annotator && !exclude.Contains(l.ItemId))
            .OrderBy(l => l.Id).Take(count).ToListAsync(ct);
        foreach (var lease in held)
            lease.ExpiresAt = expires;
        var needed = count - held.Count;
        if (needed > 0)
        {
            var gold = new GoldMix(settings, annotator);
            var slots = await gold.SlotsAsync(db, projectId, held.Count, needed, ct);
            var goldIds = slots.Any(g => g) ? await gold.ItemsAsync(db, projectId, exclude, slots.Count(g => g), ct) : [];
            var ordinary = await strategy.FirstIdsAsync(new QueueCandidates(Candidates(projectId, annotator, exclude, settings),
                InImportOrder(projectId, annotator, exclude, settings)), needed - goldIds.Count, ct);
            var ids = GoldMix.Interleave(slots, goldIds, ordinary);
            var claimed = ids.Select(id => new ItemLease
            {
                ProjectId = projectId, ItemId = id, Annotator = annotator, LeasedAt = now, ExpiresAt = expires,
            }).ToList();
            db.ItemLeases.AddRange(claimed);
            held.AddRange(claimed);
        }
        await db.SaveChangesAsync(ct);
        await claim.CommitAsync(ct);
        return held;
    }

    /// <summary>Extends the annotator's leases on <paramref name="itemIds"/>; items it no longer holds are left out.</summary>
    public async Task<RenewResult> RenewAsync(long projectId, string annotator, IReadOnlyList<long> itemIds, CancellationToken ct = default)
    {
        RequestLimits.Check(itemIds.Count, RequestLimits.MaxIds, "item_ids");
        annotator = Validate(annotator);
        var now = time.GetUtcNow();
        var expires = now + options.LeaseDuration;
        var ids = itemIds.ToList();
        var leases = await db.ItemLeases
            .Where(l => l.ProjectId == projectId && l.Annotator == annotator && ids.Contains(l.ItemId) && l.ExpiresAt > now)
            .ToListAsync(ct);
        foreach (var lease in leases)
            lease.ExpiresAt = expires;
        await db.SaveChangesAsync(ct);
        return new RenewResult(leases.Select(l => l.ItemId).Order().ToList(), expires);
    }

    /// <summary>Gives items back to the pool (a skip); returns how many leases were released.</summary>
    public async Task<int> ReleaseAsync(long projectId, string annotator, IReadOnlyList<long> itemIds, CancellationToken ct = default)
    {
        RequestLimits.Check(itemIds.Count, RequestLimits.MaxIds, "item_ids");
        annotator = Validate(annotator);
        var ids = itemIds.ToList();
        return await db.ItemLeases
            .Where(l => l.ProjectId == projectId && l.Annotator == annotator && ids.Contains(l.ItemId))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Skips items for <paramref name="annotator"/>: gives their leases back and remembers the skip, so the queue
    /// hands them to others but not to this annotator again (until <see cref="UnskipAllAsync"/>); returns how many
    /// items were newly skipped. Ids of other projects' items are ignored.
    /// </summary>
    public async Task<int> SkipAsync(long projectId, string annotator, IReadOnlyList<long> itemIds, CancellationToken ct = default)
    {
        RequestLimits.Check(itemIds.Count, RequestLimits.MaxIds, "item_ids");
        annotator = Validate(annotator);
        var ids = itemIds.Distinct().ToList();
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ItemLeases.Where(l => l.ProjectId == projectId && l.Annotator == annotator && ids.Contains(l.ItemId)).ExecuteDeleteAsync(ct);
        var fresh = await db.Items.Where(i => i.ProjectId == projectId && ids.Contains(i.Id)
                && !db.ItemSkips.Any(s => s.ProjectId == projectId && s.Annotator == annotator && s.ItemId == i.Id))
            .Select(i => i.Id).ToListAsync(ct);
        var now = time.GetUtcNow();
        db.ItemSkips.AddRange(fresh.Select(id => new ItemSkip { ProjectId = projectId, ItemId = id, Annotator = annotator, SkippedAt = now }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return fresh.Count;
    }

    /// <summary>Forgets every skip of <paramref name="annotator"/> in the project, so those items come back; returns how many.</summary>
    public async Task<int> UnskipAllAsync(long projectId, string annotator, CancellationToken ct = default)
    {
        annotator = Validate(annotator);
        return await db.ItemSkips.Where(s => s.ProjectId == projectId && s.Annotator == annotator).ExecuteDeleteAsync(ct);
    }

    /// <summary>Read from the maintained counts and the annotator's own skips: a few key seeks, whatever the size of the project.</summary>
    public async Task<QueueProgress> ProgressAsync(long projectId, string? annotator, CancellationToken ct = default)
    {
        await RequireProject.ExistsAsync(db, projectId, ct);
        var counts = await ProjectCountsReader.ReadAsync(db, projectId, ct);
        if (string.IsNullOrWhiteSpace(annotator))
            return new QueueProgress(0, counts.DecidedItems, counts.Items, 0);
        var name = annotator.Trim();
        var mine = await db.AnnotatorCounts.Where(c => c.ProjectId == projectId && c.Author == name)
            .Select(c => (long?)c.LabeledItems).FirstOrDefaultAsync(ct) ?? 0;
        var skipped = await db.ItemSkips.LongCountAsync(s => s.ProjectId == projectId && s.Annotator == name
            && db.UndecidedItems.Any(u => u.ProjectId == projectId && u.RandomKey == s.ItemId % SeededRandomStrategy.Modulus * SeededRandomStrategy.Multiplier % SeededRandomStrategy.Modulus
                && u.ItemId == s.ItemId), ct);
        return new QueueProgress(mine, counts.DecidedItems, counts.Items, skipped);
    }

    // A request that names no strategy gets the project's queue setting (import order when it has none).
    private IQueueStrategy Strategy(long projectId, QueueRequest request, QueueSettings? settings) =>
        !string.IsNullOrEmpty(request.Strategy)
            ? QueueStrategies.Create(request.Strategy, request.Seed, Ranks(projectId))
            : QueueStrategies.Create(settings?.Strategy, settings?.Seed ?? request.Seed, Ranks(projectId));

    private IQueryable<QueueRank> Ranks(long projectId) => db.QueueRanks.Where(r => r.ProjectId == projectId);

    // Each check is a key seek per walked item: leases by item, this annotator's skips and annotations by (item, author).
    // With an overlap above one, an item is a candidate while its distinct human authors plus its leases stay below the
    // number it needs (fixed K, or under adaptive overlap its item_overlaps row, else the minimum), and this annotator
    // neither labeled, skipped nor holds it; with overlap one that is the plain "nobody holds it" check.
    private IQueryable<UndecidedItem> Candidates(long projectId, string annotator, List<long> exclude, QueueSettings? settings)
    {
        var open = db.UndecidedItems.Where(u => u.ProjectId == projectId
            && !exclude.Contains(u.ItemId)
            && !db.ItemSkips.Any(s => s.ProjectId == projectId && s.Annotator == annotator && s.ItemId == u.ItemId)
            && !db.Annotations.Any(a => a.ItemId == u.ItemId && a.Author == annotator));
        return Overlaps(settings) is not { } o
            ? open.Where(u => !db.ItemLeases.Any(l => l.ItemId == u.ItemId))
            : open.Where(u => !db.ItemLeases.Any(l => l.ItemId == u.ItemId && l.Annotator == annotator)
                && db.ItemLeases.Count(l => l.ItemId == u.ItemId)
                    + db.Annotations.Where(a => a.ItemId == u.ItemId && a.Kind == Human).Select(a => a.Author).Distinct().Count()
                    < (o.Adaptive ? db.ItemOverlaps.Where(x => x.ItemId == u.ItemId).Select(x => (int?)x.Needed).FirstOrDefault() ?? o.Base : o.Base));
    }

    // The same checks on the project's items inside each undecided range, walked range by range (the ranges' key, then
    // items (ProjectId, Id) inside one), which is ascending id order without a sort: the ranges are disjoint.
    private IQueryable<long> InImportOrder(long projectId, string annotator, List<long> exclude, QueueSettings? settings)
    {
        var open = db.UndecidedRanges.Where(r => r.ProjectId == projectId)
            .SelectMany(r => db.Items.Where(i => i.ProjectId == projectId && i.Id >= r.FirstId && i.Id <= r.LastId), (r, i) => new { r.FirstId, i.Id })
            .Where(x => !exclude.Contains(x.Id)
                && !db.ItemSkips.Any(s => s.ProjectId == projectId && s.Annotator == annotator && s.ItemId == x.Id)
                && !db.Annotations.Any(a => a.ItemId == x.Id && a.Author == annotator));
        open = Overlaps(settings) is not { } o
            ? open.Where(x => !db.ItemLeases.Any(l => l.ItemId == x.Id))
            : open.Where(x => !db.ItemLeases.Any(l => l.ItemId == x.Id && l.Annotator == annotator)
                && db.ItemLeases.Count(l => l.ItemId == x.Id)
                    + db.Annotations.Where(a => a.ItemId == x.Id && a.Kind == Human).Select(a => a.Author).Distinct().Count()
                    < (o.Adaptive ? db.ItemOverlaps.Where(v => v.ItemId == x.Id).Select(v => (int?)v.Needed).FirstOrDefault() ?? o.Base : o.Base));
        return open.OrderBy(x => x.FirstId).ThenBy(x => x.Id).Select(x => x.Id);
    }

    private static readonly string Human = AnnotationKind.Human.ToWire();

    /// <summary>The overlap the claim must count labels and leases for; null for one annotator per item (the default).</summary>
    private static (bool Adaptive, int Base)? Overlaps(QueueSettings? settings) => settings switch
    {
        null => null,
        { OverlapMode: QueueSettings.AdaptiveOverlap } => (true, settings.MinOverlap),
        { Overlap: > 1 } => (false, settings.Overlap),
        _ => null,
    };

    // The claim's transaction takes the write lock at its start (BEGIN IMMEDIATE on SQLite), before it reads what is free.
    // A lease is stale when it expired, when its item left the queue (and is no gold item), or when its holder labeled it.
    private Task<int> ClearStaleAsync(long projectId, DateTimeOffset now, CancellationToken ct) =>
        db.ItemLeases
            .Where(l => l.ProjectId == projectId
                && (l.ExpiresAt <= now
                    || (!db.UndecidedItems.Any(u => u.ProjectId == projectId
                        && u.RandomKey == l.ItemId % SeededRandomStrategy.Modulus * SeededRandomStrategy.Multiplier % SeededRandomStrategy.Modulus && u.ItemId == l.ItemId)
                        && !db.GoldItems.Any(g => g.ProjectId == projectId && g.ItemId == l.ItemId))
                    || db.Annotations.Any(a => a.ItemId == l.ItemId && a.Author == l.Annotator && a.Kind == Human)))
            .ExecuteDeleteAsync(ct);

    private async Task<IReadOnlyList<QueueItem>> LoadAsync(List<ItemLease> leases, AnnotationValueKind kind, bool unmasked, CancellationToken ct)
    {
        var ids = leases.Select(l => l.ItemId).ToList();
        var items = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        if (ids.Count == 0)
            return [];
        var suggestions = await annotations.SuggestionsAsync(leases[0].ProjectId, ids, kind, ct);
        var spans = kind == AnnotationValueKind.Spans;
        var masker = await pii.MaskerAsync(leases[0].ProjectId, unmasked, ct);
        return leases.Select(l =>
        {
            var item = items[l.ItemId];
            // Tokens come from the text as stored: same-length masks keep its offsets, and the server snaps spans to these.
            var text = masker.Text(item.Text);
            var data = masker.Document(item.Text, item.DataJson, item.TextSlot, text);
            var size = spans ? null : ImageSize.Of(data);
            return new QueueItem(item.Id, masker.ExternalId(item.ExternalId), text, data, l.ExpiresAt, suggestions.GetValueOrDefault(item.Id))
            {
                Tokens = spans ? [.. ItemTokens.Of(item.Text, item.DataJson).Select(t => new[] { t.Start, t.End })] : null,
                Width = size?.Width,
                Height = size?.Height,
            };
        }).ToList();
    }

    /// <summary>The project's task type (the claim needs it for the items' shape); not found is a 404.</summary>
    private async Task<string> TaskTypeAsync(long projectId, CancellationToken ct) =>
        await db.Projects.Where(p => p.Id == projectId).Select(p => p.TaskType).FirstOrDefaultAsync(ct)
        ?? throw RequireProject.NotFound(projectId);

    private static string Validate(string? annotator) =>
        string.IsNullOrWhiteSpace(annotator)
            ? throw LabelforgeException.Invalid("An annotator name is needed to lease items.")
            : annotator.Trim();
}
