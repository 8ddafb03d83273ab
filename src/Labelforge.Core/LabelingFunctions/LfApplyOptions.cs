namespace Labelforge.Core.LabelingFunctions;

/// <summary>Settings of <see cref="LabelingFunctionApplier"/>.</summary>
public sealed record LfApplyOptions
{
    /// <summary>Documents read and labeled per chunk (memory holds one chunk of documents); default 16,384.</summary>
    public int ChunkSize { get; init; } = 16_384;

    /// <summary>Worker threads; default (null) = all cores.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
