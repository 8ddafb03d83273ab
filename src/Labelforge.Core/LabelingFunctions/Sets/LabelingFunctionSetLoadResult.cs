namespace Labelforge.Core.LabelingFunctions.Sets;

/// <summary>A loaded set, or every problem found while loading it (then <see cref="Set"/> is null).</summary>
public sealed record LabelingFunctionSetLoadResult(LabelingFunctionSet? Set, IReadOnlyList<LabelingFunctionSetError> Errors);
