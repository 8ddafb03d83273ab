namespace Labelforge.Core.LabelingFunctions;

/// <summary>Thread-safe fault counts per function and the first fault of each, for the run report.</summary>
internal sealed class LabelingFunctionFaultLog(int functions)
{
    private readonly long[] _counts = new long[functions];
    private readonly string?[] _first = new string?[functions];

    public IReadOnlyList<long> Counts => _counts;

    public IReadOnlyList<string?> First => _first;

    public void Record(int row, int column, Exception ex)
    {
        Interlocked.Increment(ref _counts[column]);
        Interlocked.CompareExchange(ref _first[column], $"item {row}: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}", null);
    }
}
