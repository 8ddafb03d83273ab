namespace Labelforge.Core.LabelingFunctions;

/// <summary>Thread-safe fault counts per function and the first fault of each, for the run report.</summary>
internal sealed class LabelingFunctionFaultLog(int functions)
{
    private readonly long[] _counts = new long[functions];
    private readonly string?[] _first = new string?[functions];

    public IReadOnlyList<long> Counts => _counts;

    public IReadOnlyList<string?> First => _first;

    public void Record(int row, int column, Exception ex) => Record(row, column, $"{ex.GetType().Name}: {ex.Message}");

    /// <summary>A fault described as "ExceptionType: message" (from the C# worker process).</summary>
    public void Record(int row, int column, string fault)
    {
        Interlocked.Increment(ref _counts[column]);
        Interlocked.CompareExchange(ref _first[column], $"item {row}: {fault.ReplaceLineEndings(" ")}", null);
    }
}
