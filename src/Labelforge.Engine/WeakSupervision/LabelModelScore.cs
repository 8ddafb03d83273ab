namespace Labelforge.Engine.WeakSupervision;

/// <summary>Scores of probabilistic labels against gold on the rows where gold is known.</summary>
/// <param name="Scored">Rows with known gold.</param>
/// <param name="Accuracy">Ties and all-abstain rows broken at random with the seed (as Snorkel's tutorial scores).</param>
/// <param name="AccuracyAbstain">Ties and all-abstain rows count as wrong.</param>
/// <param name="Coverage">Fraction of scored rows with at least one vote.</param>
/// <param name="F1">For two classes, F1 of label 1 with the random tie break; null otherwise.</param>
public sealed record LabelModelScore(int Scored, double Accuracy, double AccuracyAbstain, double Coverage, double? F1);
