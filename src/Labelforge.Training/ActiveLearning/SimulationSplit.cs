namespace Labelforge.Training.ActiveLearning;

/// <summary>
/// A given split for <see cref="ActiveLearningSimulation"/>, so a run can replay another tool's protocol exactly:
/// <see cref="Pool"/> and <see cref="Test"/> are disjoint item (row) indices, and <see cref="InitialItems"/>, when set,
/// are the pool items labeled before the first query (instead of a seeded random sample of
/// <see cref="SimulationOptions.Initial"/>).
/// </summary>
public sealed record SimulationSplit(int[] Pool, int[] Test, int[]? InitialItems = null)
{
    /// <summary>Why the split cannot be used on <paramref name="itemCount"/> items, or null when it can.</summary>
    public string? Problem(int itemCount)
    {
        var seen = new HashSet<int>();
        foreach (var (name, ids) in new[] { ("pool", Pool), ("test", Test) })
        {
            if (ids.Length == 0)
                return $"the {name} list is empty";
            foreach (var id in ids)
            {
                if (id < 0 || id >= itemCount)
                    return $"{name} item {id} is outside the {itemCount} items (ids are 0-based data rows)";
                if (!seen.Add(id))
                    return $"item {id} is listed twice (pool and test must be disjoint, without repeats)";
            }
        }
        if (InitialItems is null)
            return null;
        var pool = Pool.ToHashSet();
        var initial = new HashSet<int>();
        foreach (var id in InitialItems)
        {
            if (!pool.Contains(id))
                return $"initial item {id} is not in the pool";
            if (!initial.Add(id))
                return $"initial item {id} is listed twice";
        }
        return InitialItems.Length == 0 ? "the initial items list is empty" : null;
    }
}
