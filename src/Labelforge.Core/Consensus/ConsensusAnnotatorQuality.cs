namespace Labelforge.Core.Consensus;

/// <summary>
/// An annotator's quality as one consensus run estimated it (table consensus_annotator_quality): the method's one number
/// (<see cref="Skill"/>) and, for Dawid-Skene, the confusion matrix.
/// </summary>
public sealed class ConsensusAnnotatorQuality
{
    public long RunId { get; set; }

    public required string Annotator { get; set; }

    /// <summary>Answers of this annotator the run read.</summary>
    public int Labels { get; set; }

    /// <summary>
    /// Probability of answering correctly (majority, Dawid-Skene, one-coin, MACE competence), vote weight (weighted
    /// majority) or ability alpha (GLAD): <c>ConsensusResult.AnnotatorSkill</c>.
    /// </summary>
    public double Skill { get; set; }

    /// <summary>Dawid-Skene only: P(answer l | true k) as a JSON array of K rows of K numbers, classes in the run's order; else null.</summary>
    public string? ConfusionJson { get; set; }
}
