namespace Labelforge.Engine.Tests.Agreement;

/// <summary>Published worked examples (data only; the expected values are the published ones).</summary>
internal static class TextbookExamples
{
    /// <summary>
    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x 12 units,
    /// values 1..5, 0 = missing. Published: nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797.
    /// </summary>
    public static readonly int[][] KrippendorffObservers =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
        [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
    ];

    /// <summary>
    /// Fleiss (1971), Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses (depression, personality
    /// disorder, schizophrenia, neurosis, other), as counts per diagnosis. Published kappa 0.430
    /// (0.4302445 by R irr::kappam.fleiss).
    /// </summary>
    public static readonly int[][] Fleiss1971 =
    [
        [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
        [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
        [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
        [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
        [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
        [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
    ];

    /// <summary>
    /// Ten subjects, 14 raters, 5 categories (the worked example of the Wikipedia "Fleiss' kappa" article);
    /// kappa 0.210.
    /// </summary>
    public static readonly int[][] FourteenRaters =
    [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];

    /// <summary>Two raters, 3 categories; SAS PROC FREQ gives kappa 0.4842 and linear weighted kappa 0.4701.</summary>
    public static readonly int[,] SasPairTable = { { 0, 4, 1 }, { 0, 8, 0 }, { 0, 1, 5 } };
}
