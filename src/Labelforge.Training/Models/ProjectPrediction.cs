using System.Diagnostics;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Models;
using Labelforge.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Training.Models;

/// <summary>
/// Pre-labels a project with a stored model version: items the version has not scored yet are read in pages of
/// <c>batch</c>, scored, and written as model annotations (probabilities per label id, confidence = the top one),
/// one transaction per page. Re-running the same version writes nothing new.
/// </summary>
public sealed class ProjectPrediction(LabelforgeDb db, ModelOperations models, PredictionOperations store)
{
    public async Task<PredictResult> PredictAsync(long projectId, string? modelReference, bool onlyUnlabeled,
        int batch = 2_000, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        await TaskTypes.RequireClassLabelsAsync(db, projectId, "Prediction", ct);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var clock = Stopwatch.StartNew();
        var version = await models.GetAsync(projectId, modelReference, ct);
        var project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == projectId, ct);
        if (version.Blob.Length == 0)
            throw LabelforgeException.Conflict($"Model {version.Author} was withdrawn: it was trained on an item that was erased since. Train a new version.");
        var classLabelIds = JsonIds.Read(version.ClassLabelIdsJson);
        var model = TextModels.Load(version.Kind, version.Blob, classLabelIds.Length);
        var k = classLabelIds.Length;
        long after = 0;
        var written = 0;
        while (true)
        {
            var items = await store.NextBatchAsync(projectId, version.Author, onlyUnlabeled, after, batch, ct);
            if (items.Count == 0)
                break;
            var probabilities = model.PredictProbabilities(items.Select(i => i.Text).ToList());
            var predicted = TextClassification.TextClassifier.ArgMax(probabilities, k);
            var predictions = new List<ModelPrediction>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                var row = i * k;
                var byLabel = Enumerable.Range(0, k).ToDictionary(j => classLabelIds[j], j => (double)probabilities[row + j]);
                predictions.Add(new ModelPrediction(items[i].ItemId, classLabelIds[predicted[i]], probabilities[row + predicted[i]], byLabel));
            }
            written += await store.WriteAsync(projectId, version.Author, project.TaxonomyVersion, predictions, ct: ct);
            after = items[^1].ItemId;
            progress?.Report(written);
        }
        return new PredictResult(version.Author, written, clock.Elapsed.TotalSeconds);
    }
}
