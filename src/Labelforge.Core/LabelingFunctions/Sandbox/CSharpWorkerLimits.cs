namespace Labelforge.Core.LabelingFunctions.Sandbox;

/// <summary>
/// Limits of the worker process that runs C# labeling functions: <see cref="MemoryBytes"/> caps its GC heap (an allocation
/// beyond it throws OutOfMemoryException inside the function, counted as a fault) and its working set (polled while it
/// runs; beyond 1.5× the cap the worker is killed and the run fails).
/// </summary>
public sealed record CSharpWorkerLimits
{
    public static CSharpWorkerLimits Default { get; } = new();

    /// <summary>Heap cap of the worker; default 1 GiB.</summary>
    public long MemoryBytes { get; init; } = 1L << 30;

    /// <summary>How often the parent reads the worker's working set while a batch runs.</summary>
    public TimeSpan MemoryPollInterval { get; init; } = TimeSpan.FromMilliseconds(50);
}
