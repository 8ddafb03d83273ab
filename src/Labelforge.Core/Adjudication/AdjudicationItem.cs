namespace Labelforge.Core.Adjudication;

/// <summary>An item to adjudicate: its text, the consensus with its posterior, and every annotator's current label.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="ExternalId">Its external id.</param>
/// <param name="Text">Its text.</param>
/// <param name="Consensus">The consensus label (a label reference, see <c>LabelLookup.ReferenceOf</c>).</param>
/// <param name="ConsensusLabelId">Its label id.</param>
/// <param name="ConsensusAnnotationId">The consensus annotation a decision supersedes.</param>
/// <param name="Confidence">The posterior probability of the consensus label.</param>
/// <param name="Posterior">The posterior of every class of the run, highest first.</param>
/// <param name="Entropy">Shannon entropy of the posterior in nats (0: certain; ln K: uniform over K classes).</param>
/// <param name="LabelErrorQuality">Label quality from the latest label-error run when it flagged the item (lower: more suspect), else null.</param>
/// <param name="Answers">Every annotator's current human label, by annotator name.</param>
public sealed record AdjudicationItem(
    long ItemId,
    string? ExternalId,
    string Text,
    string Consensus,
    long ConsensusLabelId,
    long ConsensusAnnotationId,
    double Confidence,
    IReadOnlyList<AdjudicationProbability> Posterior,
    double Entropy,
    double? LabelErrorQuality,
    IReadOnlyList<AdjudicationAnswer> Answers);
