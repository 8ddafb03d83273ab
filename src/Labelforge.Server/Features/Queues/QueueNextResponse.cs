using Labelforge.Core.Queues;

namespace Labelforge.Server.Features.Queues;

/// <summary>The leased items, in the order to label them, with the progress after the claim.</summary>
public sealed record QueueNextResponse(IReadOnlyList<QueueItem> Items, QueueProgress Progress);
