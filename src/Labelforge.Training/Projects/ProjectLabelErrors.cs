using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Engine;
using Labelforge.Engine.LabelErrors;
using Labelforge.Training.TextClassification;

namespace Labelforge.Training.Projects;

/// <summary>
/// Confident learning on a project: out-of-fold probabilities from the text classifier (k folds, so no item
/// is scored by a model that saw its label), then the label-error filters, ranked by label quality.
/// </summary>
public static class ProjectLabelErrors
{
    public static async Task<(IReadOnlyList<SuspectedLabelError> Errors, int Items)> FindAsync(LabelforgeDb db, TimeProvider time, long projectId,
        LabelErrorOptions options, int folds = 5, int seed = 42, CancellationToken ct = default)
    {
        var data = await HumanLabels.LoadAsync(db, time, projectId, ct);
        var k = data.ClassNames.Count;
        var perClass = new int[k];
        foreach (var label in data.Labels)
            perClass[label]++;
        if (k < 2 || perClass.Count(c => c >= folds) < 2)
            throw LabelforgeException.Invalid($"Need human labels of at least two classes with {folds} or more items each; found {string.Join(", ", data.ClassNames.Select((n, i) => $"{n}: {perClass[i]}"))}.");
        var probabilities = CrossValidation.OutOfFoldProbabilities(new TextExamples(data.Texts, data.Labels, k), folds, new TextClassifierOptions { Seed = seed });
        var matrix = new ProbabilityMatrix(probabilities, k);
        var result = LabelErrorDetector.Find(data.Labels, matrix, options);
        var errors = result.Indices.Select((i, rank) => new SuspectedLabelError(rank + 1, data.ItemIds[i], data.Texts[i],
            data.ClassNames[data.Labels[i]], data.ClassNames[matrix.ArgMax(i)], LabelQuality.Score(data.Labels[i], matrix.Row(i), options.RankBy))).ToList();
        return (errors, data.Labels.Length);
    }
}
