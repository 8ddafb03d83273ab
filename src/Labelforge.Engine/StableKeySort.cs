namespace Labelforge.Engine;

/// <summary>
/// Sorts items by a double key, ascending, keeping the given order of items whose keys are equal (a stable bottom-up
/// merge sort over runs put in order by insertion); NaN keys come first, as <see cref="Array.Sort(Array, Array)"/> puts
/// them. Written out rather than taken from <c>Array.Sort(keys, items)</c>: the framework's generic sort over (double,
/// int) is not among its precompiled code, so a new process compiled it first, then sorted with unoptimized code.
/// </summary>
internal static class StableKeySort
{
    private const int Run = 16;

    /// <summary>Sorts <paramref name="keys"/> and moves <paramref name="items"/> with them (both the same length).</summary>
    public static void Sort(double[] keys, int[] items)
    {
        var n = keys.Length;
        if (items.Length != n)
            throw new ArgumentException($"{items.Length} items for {n} keys", nameof(items));
        for (var start = 0; start < n; start += Run)
            InsertionSort(keys, items, start, Math.Min(start + Run, n));
        if (n <= Run)
            return;
        var (fromKeys, fromItems, toKeys, toItems) = (keys, items, new double[n], new int[n]);
        for (var width = Run; width < n; width *= 2)
        {
            for (var low = 0; low < n; low += 2 * width)
                Merge(fromKeys, fromItems, toKeys, toItems, low, Math.Min(low + width, n), Math.Min(low + (2 * width), n));
            (fromKeys, toKeys) = (toKeys, fromKeys);
            (fromItems, toItems) = (toItems, fromItems);
        }
        if (!ReferenceEquals(fromKeys, keys))
        {
            Array.Copy(fromKeys, keys, n);
            Array.Copy(fromItems, items, n);
        }
    }

    /// <summary>Whether key a goes strictly before key b.</summary>
    private static bool Before(double a, double b) => a < b || (double.IsNaN(a) && !double.IsNaN(b));

    private static void InsertionSort(double[] keys, int[] items, int start, int end)
    {
        for (var i = start + 1; i < end; i++)
        {
            var (key, item) = (keys[i], items[i]);
            var j = i;
            for (; j > start && Before(key, keys[j - 1]); j--)
            {
                keys[j] = keys[j - 1];
                items[j] = items[j - 1];
            }
            keys[j] = key;
            items[j] = item;
        }
    }

    /// <summary>Merges the sorted ranges [low, middle) and [middle, high); on equal keys the left one goes first.</summary>
    private static void Merge(double[] keys, int[] items, double[] toKeys, int[] toItems, int low, int middle, int high)
    {
        var (left, right) = (low, middle);
        for (var to = low; to < high; to++)
        {
            if (left < middle && (right >= high || !Before(keys[right], keys[left])))
            {
                toKeys[to] = keys[left];
                toItems[to] = items[left++];
            }
            else
            {
                toKeys[to] = keys[right];
                toItems[to] = items[right++];
            }
        }
    }
}
