namespace Labelforge.Core.LabelingFunctions;

/// <summary>Settings of <see cref="LabelingFunctionApplier"/>.</summary>
public sealed record LabelingFunctionApplyOptions
{
    /// <summary>Documents read and labeled per chunk (memory holds one chunk of documents); default 16,384.</summary>
    public int ChunkSize { get; init; } = 16_384;

    /// <summary>
    /// Read the next chunk of documents on another thread while the current one is labeled (default false). For
    /// sources that any thread may read, such as files; reading a file costs more than applying keyword functions.
    /// </summary>
    public bool ReadAhead { get; init; }

    /// <summary>Worker threads; default (null) = all cores.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>The longest a run may take, all kinds of functions together; beyond it the run stops with an error and nothing is stored. Default 10 minutes.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Limits of the worker process that runs C# functions.</summary>
    public Sandbox.CSharpWorkerLimits Worker { get; init; } = Sandbox.CSharpWorkerLimits.Default;
}
