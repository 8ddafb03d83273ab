using Labelforge.Engine.Agreement;

namespace Labelforge.Cli.Consensus;

/// <summary>The annotator-by-annotator matrix in the JSON summary (rows and columns in <see cref="Annotators"/> order).</summary>
public sealed class PairwiseSummary
{
    public required string[] Annotators { get; init; }

    public required double?[][] Kappa { get; init; }

    public required double?[][] Percent { get; init; }

    public required int[][] SharedItems { get; init; }

    /// <summary>Beyond this many annotators the pair tables (W^2 K^2 / 2 counts) and the JSON matrix get unreasonably large.</summary>
    private const int MaxAnnotators = 2000;

    public static PairwiseSummary From(AnswerTable table, KappaWeighting weighting)
    {
        if (table.AnnotatorNames.Length > MaxAnnotators)
            throw new Output.CliException($"--pairwise supports up to {MaxAnnotators} annotators; {table.Path} has {table.AnnotatorNames.Length}");
        var result = PairwiseAgreement.Compute(table.Answers, weighting);
        var w = table.AnnotatorNames.Length;
        return new PairwiseSummary
        {
            Annotators = table.AnnotatorNames,
            Kappa = Rows(w, (u, v) => AgreementSummary.Finite(result.Kappa[u, v])),
            Percent = Rows(w, (u, v) => AgreementSummary.Finite(result.Percent[u, v])),
            SharedItems = Rows(w, (u, v) => result.SharedItems[u, v]),
        };
    }

    private static T[][] Rows<T>(int w, Func<int, int, T> cell) =>
        [.. Enumerable.Range(0, w).Select(u => Enumerable.Range(0, w).Select(v => cell(u, v)).ToArray())];
}
