namespace Labelforge.Core.Adjudication;

/// <summary>One page of a project's adjudication queue.</summary>
/// <param name="Project">The project's name.</param>
/// <param name="ConsensusRunId">The consensus run the queue is built on (the project's latest), or null before the first run: the queue is then empty.</param>
/// <param name="ConsensusMethod">That run's method.</param>
/// <param name="Order">The order used (<see cref="AdjudicationOrder"/>).</param>
/// <param name="Total">Open items in the queue (the run's items less the decided and the gold ones).</param>
/// <param name="Decided">Items of the run a reviewer has decided.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="Items">This page's items, in queue order.</param>
public sealed record AdjudicationPage(
    string Project,
    long? ConsensusRunId,
    string? ConsensusMethod,
    string Order,
    int Total,
    int Decided,
    int Page,
    int PageSize,
    IReadOnlyList<AdjudicationItem> Items);
