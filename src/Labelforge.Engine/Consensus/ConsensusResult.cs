namespace Labelforge.Engine.Consensus;

/// <summary>What a consensus method returns: posteriors, chosen labels, annotator quality and diagnostics.</summary>
public sealed class ConsensusResult
{
    /// <summary>Name of the method that produced this result.</summary>
    public required string Method { get; init; }

    /// <summary>Number of classes (row length of <see cref="Posteriors"/>).</summary>
    public required int ClassCount { get; init; }

    /// <summary>Posterior P(true label = k | answers) of item i at <c>[i * ClassCount + k]</c>.</summary>
    public required double[] Posteriors { get; init; }

    /// <summary>The chosen (most probable) label per item, or <see cref="LabelIndex.Abstain"/> (no answers, or an abstained tie).</summary>
    public required int[] Labels { get; init; }

    /// <summary>Estimated class priors P(true label = k).</summary>
    public required double[] ClassPriors { get; init; }

    /// <summary>
    /// One number per annotator: the estimated probability of answering correctly (majority vote, Dawid-Skene,
    /// one-coin, MACE's competence), the vote weight (weighted majority) or the ability alpha (GLAD).
    /// </summary>
    public required double[] AnnotatorSkill { get; init; }

    /// <summary>
    /// Dawid-Skene confusion matrices: P(answer l | true k) of annotator w at <c>[(w * K + k) * L + l]</c>, with L = K,
    /// or L = K + 1 when <see cref="ConsensusOptions.AbstentionsObserved"/> (l = K: no answer); null for other methods.
    /// </summary>
    public double[]? AnnotatorConfusion { get; init; }

    /// <summary>GLAD item difficulty 1/beta per item (larger is harder); null for other methods.</summary>
    public double[]? ItemDifficulty { get; init; }

    /// <summary>EM iterations run (1 for the one-pass votes).</summary>
    public required int Iterations { get; init; }

    /// <summary>Whether EM met the tolerance before the iteration limit (true for the one-pass votes).</summary>
    public required bool Converged { get; init; }

    /// <summary>Marginal log-likelihood of the answers after each iteration (empty for the votes).</summary>
    public required double[] LogLikelihoodHistory { get; init; }

    /// <summary>Posterior of the chosen label (0 where the label is Abstain).</summary>
    public double Confidence(int item)
    {
        var label = Labels[item];
        return label == LabelIndex.Abstain ? 0 : Posteriors[(item * ClassCount) + label];
    }
}
