using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Model;
using Labelforge.Core.Queues.Settings;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine;
using Labelforge.Engine.ActiveLearning;
using Labelforge.Training.Fast;
using Labelforge.Training.Projects;

namespace Labelforge.Training.Queues;

/// <summary>
/// Retrains a project's active-learning model and re-ranks its queue: an L2 logistic regression on TF-IDF vectors
/// (`SoftmaxRegressionOptions.ActiveLearning`, the model `al simulate` uses, retrained in well under a second on thousands of labels) fitted on every item's latest
/// given (human, imported or reviewed) label, then the Engine strategy ranks the unlabeled pool and the stop-set predictions extend the
/// kappa history. Reads and computes without holding a database lock; only the final save writes.
/// </summary>
public sealed class QueueRetrainer(LabelforgeDb db, TimeProvider time, TaxonomyOperations taxonomy, QueueSettingsOperations settingsOperations,
    QueueModelOperations models, ActiveLearningQueueOptions options)
{
    /// <summary>Floats per item in the diversity strategies' sketch of the TF-IDF vectors.</summary>
    public const int SketchDimension = 64;

    public async Task<QueueRetrainResult> RetrainAsync(long projectId, QueueFeatureCache cache, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var started = time.GetTimestamp();
        var settings = await settingsOperations.GetAsync(projectId, ct);
        if (!QueueStrategies.IsActiveLearning(settings.Strategy))
            throw LabelforgeException.Invalid($"The queue strategy is {settings.Strategy}; set an active-learning strategy ({string.Join(", ", ActiveLearningQueueStrategy.Names)}) first.");
        var labeledItems = await models.LabeledItemsAsync(projectId, ct);
        HumanLabels labels;
        try
        {
            labels = await HumanLabels.LoadAsync(db, taxonomy, projectId, ct);
        }
        catch (LabelforgeException e) when (e.Kind == ErrorKind.Invalid)
        {
            return await NoModelAsync(models, projectId, settings, labeledItems, e.Message, started, ct);
        }
        var present = labels.Labels.Distinct().Count();
        if (present < 2)
            return await NoModelAsync(models, projectId, settings, labeledItems, $"labels of at least 2 classes are needed, {present} so far", started, ct);

        // The pool is read before the cache is updated, so every pool item has a vector even if an import runs meanwhile.
        var pool = await models.PoolAsync(projectId, ct);
        await cache.UpdateAsync(db, projectId, ct);
        var state = await models.StateAsync(projectId, ct);
        var seed = unchecked((int)settings.Seed);
        var k = labels.ClassNames.Count;
        var model = SoftmaxRegression.Train(cache.Vectors(labels.ItemIds), labels.Labels, k, cache.Dimension, SoftmaxRegressionOptions.ActiveLearning);
        // Training and ranking are CPU work that takes no token: check between the steps, so shutdown waits for one step at most.
        ct.ThrowIfCancellationRequested();
        var poolVectors = cache.Vectors(pool);
        var ranked = Rank(settings, state, model, poolVectors, seed);
        ct.ThrowIfCancellationRequested();
        var stop = models.StopSet(state, pool, cache.Ids, settings.Seed);
        var stopProbabilities = new ProbabilityMatrix(model.PredictProbabilities(cache.Vectors(stop)), k);
        var stopPredictions = Enumerable.Range(0, stop.Count).Select(stopProbabilities.ArgMax).ToArray();
        var round = new QueueModelRound(settings.Strategy, labeledItems, labels.ClassLabelIds, ranked.Rows.Select(r => pool[r]).ToList(),
            ranked.Scores, stop, stopPredictions, time.GetElapsedTime(started));
        var kappa = await models.SaveRoundAsync(projectId, round, ct);
        return new QueueRetrainResult(true, null, labeledItems, pool.Count, ranked.Rows.Length, kappa, round.Duration);
    }

    private RankedPool Rank(QueueSettings settings, QueueModelState? state, SoftmaxRegression model, SparseVector[] poolVectors, int seed)
    {
        var strategy = ActiveLearningQueueStrategy.ToQueryStrategy(settings.Strategy);
        var sketch = strategy is QueryStrategy.Diversity or QueryStrategy.UncertaintyDiversity
            ? VectorSketch.Compute(poolVectors, SketchDimension)
            : null;
        var probabilities = new ProbabilityMatrix(model.PredictProbabilities(poolVectors), model.ClassCount);
        // A new seed per round, so k-means++ does not start from the same item every time.
        var query = new QueryOptions { Strategy = strategy, Seed = unchecked(seed + (state?.RetrainCount ?? 0)) };
        var head = Math.Max(settings.BatchSize, options.HeadFactor * settings.RetrainEvery);
        // Copies of one text score the same; ranking one per group keeps a batch from asking for the same label twice.
        var duplicateOf = DuplicateVectors.FirstOf(poolVectors);
        return QueueRanking.Rank(probabilities, query, head, options.RankDepth, sketch, SketchDimension, duplicateOf);
    }

    private async Task<QueueRetrainResult> NoModelAsync(QueueModelOperations models, long projectId, QueueSettings settings, int labeledItems, string note, long started, CancellationToken ct)
    {
        await models.SaveNoModelAsync(projectId, settings.Strategy, labeledItems, note, ct);
        return new QueueRetrainResult(false, note, labeledItems, 0, 0, null, time.GetElapsedTime(started));
    }
}
