namespace Labelforge.Engine.Agreement;

/// <summary>Annotator-by-annotator agreement: entry [u, v] compares annotators u and v on the items both labeled.</summary>
public sealed class PairwiseAgreementResult
{
    /// <summary>Cohen's kappa per pair (NaN where undefined or no shared items; 1 on the diagonal).</summary>
    public required double[,] Kappa { get; init; }

    /// <summary>Share of shared items labeled alike (NaN where no shared items; 1 on the diagonal).</summary>
    public required double[,] Percent { get; init; }

    /// <summary>Number of items both labeled (the diagonal holds each annotator's item count).</summary>
    public required int[,] SharedItems { get; init; }
}
