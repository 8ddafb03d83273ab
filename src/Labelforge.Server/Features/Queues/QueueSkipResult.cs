namespace Labelforge.Server.Features.Queues;

/// <summary>Reply of POST /queue/skip (items newly skipped) and DELETE /queue/skips (skips forgotten, items back in the queue).</summary>
public sealed record QueueSkipResult(int Skipped, int Restored);
