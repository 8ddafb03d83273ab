using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Queues.Strategies;

/// <summary>Items in the order they were imported (ascending id): a walk of the <c>(ProjectId, ItemId)</c> key.</summary>
public sealed class ImportOrderStrategy : IQueueStrategy
{
    public const string WireName = "import-order";

    public string Name => WireName;

    public Task<List<long>> FirstIdsAsync(IQueryable<UndecidedItem> candidates, int count, CancellationToken ct) =>
        candidates.OrderBy(u => u.ItemId).Select(u => u.ItemId).Take(count).ToListAsync(ct);
}
