using Labelforge.Core.Items;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Queues;

/// <summary>
/// The order in which a queue hands out items. Strategies order a query, so the database does the work and
/// only the claimed items are read; active learning plugs in as another implementation.
/// </summary>
public interface IQueueStrategy
{
    /// <summary>Wire name, e.g. "import-order".</summary>
    string Name { get; }

    IOrderedQueryable<Item> Order(IQueryable<Item> candidates);

    /// <summary>The ids of the first <paramref name="count"/> candidates in this order; strategies that can stop early override it.</summary>
    Task<List<long>> FirstIdsAsync(IQueryable<Item> candidates, int count, CancellationToken ct) =>
        Order(candidates).Select(i => i.Id).Take(count).ToListAsync(ct);
}
