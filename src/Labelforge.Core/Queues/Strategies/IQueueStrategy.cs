using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Queues.Strategies;

/// <summary>
/// The order in which a queue hands out items. A strategy walks an index of the undecided items
/// (<see cref="QueueCandidates"/>) and stops at the count, so a claim reads only the items it hands out and the few
/// leased or skipped ones in front of them, whatever the size of the project; active learning plugs in as another
/// implementation.
/// </summary>
public interface IQueueStrategy
{
    /// <summary>Wire name, e.g. "import-order".</summary>
    string Name { get; }

    /// <summary>The ids of the first <paramref name="count"/> candidates in this order.</summary>
    Task<List<long>> FirstIdsAsync(QueueCandidates candidates, int count, CancellationToken ct);
}
