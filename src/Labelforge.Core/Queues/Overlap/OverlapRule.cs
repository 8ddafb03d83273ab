using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Gold;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.Overlap;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Queues.Overlap;

/// <summary>
/// What the queue does when a person labels an item, inside the write's own transaction: the person's lease on the
/// item ends (the label, not the lease, now counts toward the item's overlap), and under adaptive overlap the item's
/// needed number of annotators is decided again from its labels alone (<see cref="AdaptiveOverlap"/>): the one-coin
/// posterior of its current human labels, each annotator weighted by an accuracy estimate from their answers on gold
/// items (a Beta prior of <see cref="AdaptiveOverlap.DefaultPriorWeight"/> answers at
/// <see cref="AdaptiveOverlap.DefaultPriorAccuracy"/>, so without gold every annotator counts the same and the rule
/// is a majority margin). The store then keeps or drops the item from the queue (<see cref="ItemOverlap"/>).
/// </summary>
internal static class OverlapRule
{
    private static readonly string Human = AnnotationKind.Human.ToWire();

    /// <summary>After <paramref name="author"/>'s human label on the item.</summary>
    public static async Task AfterLabelAsync(LabelforgeDb db, long projectId, long itemId, string author, CancellationToken ct)
    {
        await db.ItemLeases.Where(l => l.ItemId == itemId && l.Annotator == author).ExecuteDeleteAsync(ct);
        var settings = await db.QueueSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == projectId, ct);
        if (settings?.OverlapMode == QueueSettings.AdaptiveOverlap)
            await DecideAsync(db, settings, [itemId], ct);
    }

    /// <summary>Decides the needed annotators of <paramref name="itemIds"/> under the project's adaptive settings and stores them.</summary>
    public static async Task DecideAsync(LabelforgeDb db, QueueSettings settings, IReadOnlyCollection<long> itemIds, CancellationToken ct)
    {
        var projectId = settings.ProjectId;
        var classes = await db.Labels.CountAsync(l => l.ProjectId == projectId && l.Status == LabelStatus.Active, ct);
        foreach (var chunk in itemIds.Chunk(500))
        {
            var ids = chunk.ToList();
            var current = await db.Annotations.AsNoTracking()
                .Where(a => ids.Contains(a.ItemId) && a.Kind == Human
                    && !db.Annotations.Any(b => b.ItemId == a.ItemId && b.Author == a.Author && b.Kind == Human && b.Id > a.Id))
                .Select(a => new { a.ItemId, a.Author, a.LabelIdsJson }).ToListAsync(ct);
            var accuracy = await AccuracyAsync(db, projectId, current.Select(c => c.Author).Distinct().ToList(), ct);
            var stored = await db.ItemOverlaps.Where(o => ids.Contains(o.ItemId)).ToDictionaryAsync(o => o.ItemId, ct);
            foreach (var id in ids)
            {
                var labels = current.Where(c => c.ItemId == id).ToList();
                var values = labels.Select(l => l.LabelIdsJson).Distinct().ToList();
                var answers = labels.Select(l => values.IndexOf(l.LabelIdsJson)).ToArray();
                var weights = labels.Select(l => accuracy.GetValueOrDefault(l.Author, AdaptiveOverlap.DefaultPriorAccuracy)).ToArray();
                var (_, posterior) = AdaptiveOverlap.Posterior(answers, weights, classes);
                var needed = AdaptiveOverlap.Needed(labels.Count, posterior, settings.MinOverlap, settings.MaxOverlap, settings.TargetConfidence);
                if (stored.TryGetValue(id, out var row))
                    row.Needed = needed;
                else
                    db.ItemOverlaps.Add(new ItemOverlap { ItemId = id, ProjectId = projectId, Needed = needed });
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Each author's accuracy estimate from their current answers on the project's gold items (prior only without any).</summary>
    private static async Task<Dictionary<string, double>> AccuracyAsync(LabelforgeDb db, long projectId, List<string> authors, CancellationToken ct)
    {
        var answered = await GoldScores.AnswersAsync(db, projectId, authors, ct);
        return answered.GroupBy(a => a.Author).ToDictionary(g => g.Key,
            g => AdaptiveOverlap.Accuracy(g.Count(a => a.Correct), g.Count()), StringComparer.Ordinal);
    }
}
