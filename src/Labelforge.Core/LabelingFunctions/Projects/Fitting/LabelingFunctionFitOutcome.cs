using Labelforge.Engine;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Core.LabelingFunctions.Projects.Fitting;

/// <summary>
/// The label-level view of a fit: per label the model's prior and how many covered items it labels so, and the
/// accuracy of those labels on covered items that carry a gold label.
/// </summary>
internal sealed record LabelingFunctionFitOutcome(int Covered, IReadOnlyList<LabelingFunctionClassShare> Balance, int HumanLabeled, double? HumanAccuracy)
{
    public static LabelingFunctionFitOutcome Summarize(LabelMatrix matrix, double[,] probabilities, IReadOnlyList<int> gold, IReadOnlyList<string> labels,
        IReadOnlyList<double> prior)
    {
        var predicted = new int[labels.Count];
        int covered = 0, judged = 0, correct = 0;
        for (var i = 0; i < matrix.Rows; i++)
        {
            if (!LabelingFunctionWeights.Covered(matrix.Row(i)))
                continue;
            covered++;
            var best = LabelingFunctionWeights.Best(probabilities, i);
            predicted[best]++;
            if (gold[i] == LabelIndex.Abstain)
                continue;
            judged++;
            correct += gold[i] == best ? 1 : 0;
        }
        var balance = labels.Select((l, k) => new LabelingFunctionClassShare(l, Math.Round(k < prior.Count ? prior[k] : 0, 6), predicted[k])).ToList();
        return new LabelingFunctionFitOutcome(covered, balance, judged, judged == 0 ? null : correct / (double)judged);
    }
}
