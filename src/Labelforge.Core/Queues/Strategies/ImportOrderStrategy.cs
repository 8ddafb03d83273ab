using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Queues.Strategies;

/// <summary>Items in the order they were imported (ascending id): a walk of the undecided ranges and the items in each.</summary>
public sealed class ImportOrderStrategy : IQueueStrategy
{
    public const string WireName = "import-order";

    public string Name => WireName;

    public Task<List<long>> FirstIdsAsync(QueueCandidates candidates, int count, CancellationToken ct) =>
        candidates.InImportOrder.Take(count).ToListAsync(ct);
}
