using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine;
using Labelforge.Engine.LabelErrors;
using Labelforge.Training.TextClassification;

namespace Labelforge.Training.Projects;

/// <summary>
/// Confident learning on a project: out-of-fold probabilities from the text classifier (k folds, so no item
/// is scored by a model that saw its label), then the label-error filters, ranked by label quality. Labels a
/// reviewer already checked still train the folds but are not listed again.
/// </summary>
public static class ProjectLabelErrors
{
    /// <summary>The default number of cross-validation folds (API and CLI fall back to it).</summary>
    public const int DefaultFolds = 5;

    /// <summary>The default seed of the fold split and the trainers.</summary>
    public const int DefaultSeed = 42;

    public static async Task<(IReadOnlyList<SuspectedLabelError> Errors, int Items)> FindAsync(LabelforgeDb db, TaxonomyOperations taxonomy, long projectId,
        LabelErrorOptions options, int folds = DefaultFolds, int seed = DefaultSeed, CancellationToken ct = default)
    {
        var data = await HumanLabels.LoadAsync(db, taxonomy, projectId, ct);
        return (Find(data, options, folds, seed), data.Labels.Length);
    }

    /// <summary>The CPU part (k trainings), separate from loading so a server can run it off the request threads.</summary>
    public static IReadOnlyList<SuspectedLabelError> Find(HumanLabels data, LabelErrorOptions options, int folds = DefaultFolds, int seed = DefaultSeed, Action<int>? foldDone = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var k = data.ClassNames.Count;
        var perClass = new int[k];
        foreach (var label in data.Labels)
            perClass[label]++;
        if (k < 2 || perClass.Count(c => c >= folds) < 2)
            throw LabelforgeException.Invalid($"Need human labels of at least two classes with {folds} or more items each; found {string.Join(", ", data.ClassNames.Select((n, i) => $"{n}: {perClass[i]}"))}.");
        var probabilities = CrossValidation.OutOfFoldProbabilities(new TextExamples(data.Texts, data.Labels, k), folds, new TextClassifierOptions { Seed = seed }, foldDone);
        var matrix = new ProbabilityMatrix(probabilities, k);
        var result = LabelErrorDetector.Find(data.Labels, matrix, options with { MaxIssues = null });
        var reviewed = data.Reviewed.Count == data.Labels.Length ? data.Reviewed : new bool[data.Labels.Length];
        var open = result.Indices.Where(i => !reviewed[i]).Take(options.MaxIssues ?? int.MaxValue);
        return open.Select((i, rank) =>
        {
            var suggested = matrix.ArgMax(i);
            return new SuspectedLabelError(rank + 1, data.ItemIds[i], data.Texts[i], data.ClassNames[data.Labels[i]], data.ClassNames[suggested],
                LabelQuality.Score(data.Labels[i], matrix.Row(i), options.RankBy),
                data.AnnotationIds.Count > i ? data.AnnotationIds[i] : 0, data.Authors.Count > i ? data.Authors[i] : "", matrix.Row(i)[suggested]);
        }).ToList();
    }
}
