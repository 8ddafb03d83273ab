namespace Labelforge.Core.Scorecards;

/// <summary>Every annotator's scorecard in a project, with what they were measured against.</summary>
/// <param name="Project">The project's name.</param>
/// <param name="GoldAccuracyThreshold">The project's threshold: an annotator whose gold interval lies wholly below it is flagged.</param>
/// <param name="ConsensusRunId">The run agreement is measured against (the latest), or null before the first run.</param>
/// <param name="ConsensusMethod">That run's method.</param>
/// <param name="ConfusionRunId">The latest Dawid-Skene run, whose confusion matrices the cards show, or null.</param>
/// <param name="Classes">The confusion matrices' class order (rows: true class, columns: the annotator's answer).</param>
/// <param name="GoldItems">Items with a gold answer: imported (gold items) or a reviewer's decision.</param>
/// <param name="Annotators">One card per annotator, by name.</param>
public sealed record ScorecardReport(
    string Project,
    double GoldAccuracyThreshold,
    long? ConsensusRunId,
    string? ConsensusMethod,
    long? ConfusionRunId,
    IReadOnlyList<string> Classes,
    int GoldItems,
    IReadOnlyList<AnnotatorScorecard> Annotators);

/// <summary>One annotator's scorecard: over all time, and the same numbers per ISO week (<see cref="Weeks"/>, oldest first).</summary>
/// <param name="Annotator">The annotator (author of human labels).</param>
/// <param name="Labels">Items the annotator labeled (current human labels).</param>
/// <param name="GoldLabels">Of those, items with a gold answer (imported, or a reviewer's decision).</param>
/// <param name="GoldAccuracy">Share of their labels on gold items equal to the gold answer; null without any.</param>
/// <param name="GoldCi95">Wilson 95% interval of <paramref name="GoldAccuracy"/> as [low, high]; null without gold items.</param>
/// <param name="ConsensusLabels">Of those, items the latest consensus run labeled.</param>
/// <param name="AgreementWithConsensus">Share of their labels equal to the latest consensus label of the item (their own vote counted in it); null without a run.</param>
/// <param name="MedianSeconds">Median time spent per item, from the time the annotate page sends with each label; null when none was recorded.</param>
/// <param name="Confusion">Dawid-Skene P(answer | true class) from <see cref="ScorecardReport.ConfusionRunId"/>; null when no such run saw them.</param>
/// <param name="Skill">The latest run's estimate of their quality (<c>consensus_annotator_quality.Skill</c>); null when it did not see them.</param>
/// <param name="Flagged">True when the upper end of <paramref name="GoldCi95"/> is below the project's gold accuracy threshold.</param>
/// <param name="Weeks">The same per ISO week of the labels, oldest first.</param>
public sealed record AnnotatorScorecard(
    string Annotator,
    int Labels,
    int GoldLabels,
    double? GoldAccuracy,
    IReadOnlyList<double>? GoldCi95,
    int ConsensusLabels,
    double? AgreementWithConsensus,
    double? MedianSeconds,
    double? Skill,
    IReadOnlyList<IReadOnlyList<double>>? Confusion,
    bool Flagged,
    IReadOnlyList<AnnotatorWeek> Weeks);

/// <summary>An annotator's numbers for one ISO week (<c>2026-W49</c>) of the labels' creation time (UTC).</summary>
public sealed record AnnotatorWeek(
    string Week,
    int Labels,
    int GoldLabels,
    double? GoldAccuracy,
    IReadOnlyList<double>? GoldCi95,
    double? AgreementWithConsensus,
    double? MedianSeconds);
