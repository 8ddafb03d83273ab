using System.Collections.Concurrent;

namespace Labelforge.Core.Queues.Model;

/// <summary>
/// Labeled-item counts of active-learning projects, each remembered with the project's highest annotation id when it
/// was counted. The retrain poll asks every couple of seconds; counting is a scan of the project's items, while the
/// highest annotation id is one index seek, so a project whose annotations did not change is not counted again.
/// (A deleted item or annotation that leaves the highest id in place keeps the old count until the next
/// annotation; the count only decides when a retrain is due, so that is at worst a late retrain.)
/// </summary>
public sealed class QueueLabelCounts
{
    private readonly ConcurrentDictionary<long, (long LatestAnnotationId, int Labeled)> _counts = new();

    public bool TryGet(long projectId, long latestAnnotationId, out int labeled)
    {
        if (_counts.TryGetValue(projectId, out var known) && known.LatestAnnotationId == latestAnnotationId)
        {
            labeled = known.Labeled;
            return true;
        }
        labeled = 0;
        return false;
    }

    public void Set(long projectId, long latestAnnotationId, int labeled) => _counts[projectId] = (latestAnnotationId, labeled);
}
