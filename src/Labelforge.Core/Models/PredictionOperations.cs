using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelforge.Core.Models;

/// <summary>
/// Pre-labels: the items a model version still has to score (keyset pages in id order, so memory stays flat) and the
/// bulk write of its answers as annotations of kind model authored model:NAME@VERSION. An item that already has an
/// annotation by that author is never offered again, which makes re-running a version's prediction a no-op.
/// </summary>
public sealed class PredictionOperations(LabelforgeDb db, TimeProvider time)
{
    /// <summary>Up to <paramref name="size"/> items after <paramref name="afterItemId"/> with no annotation by <paramref name="author"/>.</summary>
    public async Task<IReadOnlyList<ItemText>> NextBatchAsync(long projectId, string author, bool onlyUnlabeled, long afterItemId, int size,
        CancellationToken ct = default)
    {
        var given = AnnotationKinds.Given;
        return await db.Items.AsNoTracking()
            .Where(i => i.ProjectId == projectId && i.Id > afterItemId
                && !db.Annotations.Any(a => a.ItemId == i.Id && a.Author == author)
                && (!onlyUnlabeled || !db.Annotations.Any(a => a.ItemId == i.Id && given.Contains(a.Kind))))
            .OrderBy(i => i.Id)
            .Take(size)
            .Select(i => new ItemText(i.Id, i.Text))
            .ToListAsync(ct);
    }

    /// <summary>Appends one annotation of <paramref name="kind"/> per prediction, in one transaction; returns how many.</summary>
    public async Task<int> WriteAsync(long projectId, string author, int taxonomyVersion, IReadOnlyList<ModelPrediction> predictions,
        AnnotationKind kind = AnnotationKind.Model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
            return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using (var writer = new AnnotationBulkWriter(db.Database.GetDbConnection(), projectId, time.GetUtcNow().ToUnixTimeMilliseconds())
        { Transaction = tx.GetDbTransaction() })
        {
            foreach (var p in predictions)
            {
                ct.ThrowIfCancellationRequested();
                writer.Insert(p.ItemId, author, kind.ToWire(), [p.LabelId], Math.Round(p.Confidence, 6), ProbabilityJson.Write(p.Probabilities, digits: 6), taxonomyVersion);
            }
        }
        await tx.CommitAsync(ct);
        return predictions.Count;
    }
}
