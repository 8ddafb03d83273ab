using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Labelforge.Core.Queues;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Counts;

/// <summary>
/// Adds the items an import stored to the maintained state (<c>undecided_items</c>, <c>project_counts.Items</c>) once per
/// batch, in the batch's own transaction, with two set statements over the batch's new ids. Imports are the only
/// writer of items; a per-row trigger did the same work at about twice the import's cost, so items are the one table
/// the store's triggers leave to this step (deletes and every annotation write stay with the triggers).
/// </summary>
internal sealed class ImportedItemsState(LabelforgeDb db, long projectId, long batchId)
{
    private static readonly string Decided = string.Join(", ", AnnotationKinds.ByPerson.Select(k => $"'{k}'"));

    // Built from constants only; the values are parameters {0} to {3}.
    private static readonly string InsertUndecided =
        "INSERT INTO undecided_items (ProjectId, ItemId, RandomKey) " +
        $"SELECT i.ProjectId, i.Id, i.Id % {SeededRandomStrategy.Modulus} * {SeededRandomStrategy.Multiplier} % {SeededRandomStrategy.Modulus} FROM items i " +
        "WHERE i.ProjectId = {0} AND i.Id > {1} AND i.Id <= {2} AND i.ImportBatchId = {3} " +
        $"AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.ItemId = i.Id AND a.Kind IN ({Decided})) " +
        // In key order: the random-key index then takes the batch as one ordered walk instead of a random insert per
        // item, and the primary key's inserts stay within the batch's own id range, the last pages of the b-tree.
        "ORDER BY 3";

    private const string AddItems =
        "UPDATE project_counts SET Items = Items + (SELECT COUNT(*) FROM items WHERE ProjectId = {0} AND Id > {1} AND Id <= {2} AND ImportBatchId = {3}) " +
        "WHERE ProjectId = {0}";

    private long _through;

    /// <summary>Starts after the project's highest item id, so each step reads only the batch's new rows by the (ProjectId, Id) index.</summary>
    public async Task StartAsync(CancellationToken ct) => _through = await HighestAsync(ct);

    /// <summary>Accounts for the items stored since the last step; call it before each commit.</summary>
    public async Task AddAsync(CancellationToken ct)
    {
        var through = _through;
        var high = await HighestAsync(ct);
        if (high == through)
            return;
        // An item a person decided in the same import (an imported human label) is not undecided.
        await db.Database.ExecuteSqlRawAsync(InsertUndecided, [projectId, through, high, batchId], ct);
        await db.Database.ExecuteSqlRawAsync(AddItems, [projectId, through, high, batchId], ct);
        _through = high;
    }

    private async Task<long> HighestAsync(CancellationToken ct) =>
        await db.Items.Where(i => i.ProjectId == projectId).MaxAsync(i => (long?)i.Id, ct) ?? 0;
}
