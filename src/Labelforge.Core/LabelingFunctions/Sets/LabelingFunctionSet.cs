namespace Labelforge.Core.LabelingFunctions.Sets;

/// <summary>
/// A compiled set of labeling functions over one label space: column j of a label matrix is
/// <see cref="Functions"/>[j], and a vote is an index into <see cref="Labels"/>.
/// </summary>
public sealed class LabelingFunctionSet
{
    public LabelingFunctionSet(IReadOnlyList<string> labels, IReadOnlyList<LabelingFunction> functions)
    {
        Labels = labels;
        Functions = functions;
    }

    public IReadOnlyList<string> Labels { get; }

    public IReadOnlyList<LabelingFunction> Functions { get; }

    /// <summary>Whether some function reads more than the text (see <see cref="LabelingFunction.ReadsFields"/>).</summary>
    public bool ReadsFields => Functions.Any(f => f.ReadsFields);

    public IReadOnlyList<string> Names => [.. Functions.Select(f => f.Name)];

    public IReadOnlyList<string> Fingerprints => [.. Functions.Select(f => f.Fingerprint)];
}
