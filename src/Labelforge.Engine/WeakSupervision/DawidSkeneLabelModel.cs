using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// Dawid-Skene as a label model (Dawid &amp; Skene, "Maximum Likelihood Estimation of Observer Error-Rates Using
/// the EM Algorithm", Applied Statistics 1979): each labeling function j has a confusion matrix
/// πⱼ[y, o] = P(λⱼ = o | Y = y), classes have prior p, and EM alternates
/// E: Tᵢ[y] ∝ p[y] Πⱼ πⱼ[y, λᵢⱼ] and M: p[y] ∝ s + Σᵢ Tᵢ[y], πⱼ[y, o] ∝ s + Σᵢ Tᵢ[y]·[λᵢⱼ = o].
/// It runs the engine's one Dawid-Skene, <see cref="DawidSkene"/> (the crowd-consensus implementation), over the
/// distinct rows of the matrix, each weighted by its multiplicity, so a round costs one pass over the votes
/// of the distinct rows.
/// </summary>
/// <remarks>
/// By default an abstention is an observed outcome o = k (<see cref="DawidSkeneOptions.AbstentionsObserved"/>):
/// a labeling function runs on every item, and one that only ever votes one class is informative only through
/// when it stays silent. Treated as missing, as for crowd answers, such a function has identical confusion rows
/// for every class and carries no information at all.
/// </remarks>
public sealed class DawidSkeneLabelModel(DawidSkeneOptions? options = null) : ILabelModel
{
    private readonly DawidSkeneOptions _options = options ?? new DawidSkeneOptions();
    private ConsensusResult? _fitted;
    private int _k;

    /// <inheritdoc />
    public string Name => "dawid-skene";

    /// <inheritdoc />
    public LabelModelDiagnostics Fit(LabelMatrix train, int cardinality)
    {
        train.Validate(cardinality);
        _k = cardinality;
        var patterns = RowPatterns.Group(train);
        var weights = Array.ConvertAll(patterns.Counts, c => (double)c);
        _fitted = DawidSkene.Run(patterns.ToAnswers(cardinality), ConsensusOptions(), weights);
        var perItem = _fitted.LogLikelihoodHistory.Select(ll => ll / Math.Max(1, train.Rows)).ToArray();
        return new LabelModelDiagnostics(_fitted.Iterations, perItem, _fitted.Converged, _fitted.ClassPriors);
    }

    /// <inheritdoc />
    public double[,] PredictProbabilities(LabelMatrix matrix)
    {
        var fitted = _fitted ?? throw new InvalidOperationException("call Fit first");
        matrix.Validate(_k);
        var sources = fitted.AnnotatorSkill.Length;
        if (matrix.Columns != sources)
            throw new ArgumentException($"the model was fit on {sources} sources, the matrix has {matrix.Columns}", nameof(matrix));
        var patterns = RowPatterns.Group(matrix);
        var posterior = DawidSkene.Predict(patterns.ToAnswers(_k), fitted, _options.AbstentionsObserved, Environment.ProcessorCount);
        var result = new double[matrix.Rows, _k];
        for (var i = 0; i < matrix.Rows; i++)
        {
            var p = patterns.PatternOfRow[i];
            for (var y = 0; y < _k; y++)
                result[i, y] = posterior[(p * _k) + y];
        }
        return result;
    }

    private ConsensusOptions ConsensusOptions() => new()
    {
        MaxIterations = _options.MaxIterations,
        Tolerance = _options.Tolerance,
        Smoothing = _options.Smoothing,
        AbstentionsObserved = _options.AbstentionsObserved,
    };
}
