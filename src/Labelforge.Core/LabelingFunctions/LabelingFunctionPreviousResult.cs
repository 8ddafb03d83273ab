using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// A label matrix from an earlier run and the fingerprints of its columns. Its rows are the first
/// <see cref="LabelMatrix.Rows"/> documents of the new run, in the same order (new items are appended).
/// </summary>
public sealed record LabelingFunctionPreviousResult(LabelMatrix Matrix, IReadOnlyList<string> Fingerprints);
