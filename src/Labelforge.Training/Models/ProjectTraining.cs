using System.Diagnostics;
using System.Text.Json;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Models;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Training.Evaluation;
using Labelforge.Training.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Training.Models;

/// <summary>
/// Trains a new model version of a project: an evaluation model on a seeded stratified split of the human labels
/// (programmatic examples always train, never score) gives the metrics and the held-out evidence auto-accept uses;
/// the stored model is then trained on every example, so no label is wasted.
/// </summary>
public sealed class ProjectTraining(LabelforgeDb db, TaxonomyOperations taxonomy, ModelOperations models)
{
    public async Task<ModelVersion> TrainAsync(long projectId, TrainRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var clock = Stopwatch.StartNew();
        var project = await RequireProject.FindAsync(db.Projects.AsNoTracking(), projectId, ct);
        var set = await TrainingSet.LoadAsync(db, taxonomy, projectId, request.IncludeProgrammatic, ct);
        var human = set.Human;
        var counts = new int[human.ClassNames.Count];
        foreach (var label in human.Labels)
            counts[label]++;
        if (counts.Length < 2 || counts.Count(c => c >= 2) < 2)
            throw LabelforgeException.Invalid("Training needs human labels of at least two classes with 2 or more items each; found "
                + string.Join(", ", human.ClassNames.Select((n, i) => $"{n}: {counts[i]}")) + ".");
        var (metrics, heldOut) = Evaluate(set, request, ct);
        var model = TextModels.Train(request.Kind, set.Examples, request.Seed, ct);
        var version = new ModelVersion
        {
            ProjectId = projectId,
            Name = request.ModelName,
            Kind = request.Kind,
            TaxonomyVersion = project.TaxonomyVersion,
            TrainingItems = set.Examples.Count,
            LabelCountsJson = JsonSerializer.Serialize(human.ClassNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => set.Examples.Labels.Count(l => l == p.i))),
            ClassLabelIdsJson = JsonIds.Write(human.ClassLabelIds),
            OptionsJson = JsonSerializer.Serialize(new { kind = request.Kind, seed = request.Seed, include_programmatic = request.IncludeProgrammatic,
                test_fraction = request.TestFraction, human_items = set.HumanCount, programmatic_items = set.Examples.Count - set.HumanCount }),
            MetricsJson = JsonSerializer.Serialize(metrics),
            HeldOutJson = JsonSerializer.Serialize(heldOut),
            TrainedThroughAnnotationId = set.ThroughAnnotationId,
            Blob = TextModels.Serialize(model),
        };
        version.TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
        return await models.SaveAsync(version, ct);
    }

    private static (ModelMetrics Metrics, HeldOutEvidence Evidence) Evaluate(TrainingSet set, TrainRequest request, CancellationToken ct)
    {
        var (train, test) = DataSplit.TrainTest(set.Human.Labels, request.TestFraction, request.Seed);
        var rows = train.Concat(Enumerable.Range(set.HumanCount, set.Examples.Count - set.HumanCount)).ToArray();
        var k = set.Human.ClassNames.Count;
        var model = TextModels.Train(request.Kind, set.Examples.Subset(rows), request.Seed, ct);
        var heldOut = set.Examples.Subset(test);
        var probabilities = model.PredictProbabilities(heldOut.Texts);
        var metrics = ClassificationMetrics.Compute(heldOut.Labels, probabilities, k);
        var predicted = TextClassification.TextClassifier.ArgMax(probabilities, k);
        var confidence = new double[test.Length];
        var correct = new bool[test.Length];
        for (var i = 0; i < test.Length; i++)
        {
            confidence[i] = Math.Round(probabilities[(i * k) + predicted[i]], 6);
            correct[i] = predicted[i] == heldOut.Labels[i];
        }
        return (ModelMetrics.From(metrics, set.Human.ClassNames, "held-out split"), new HeldOutEvidence(confidence, correct));
    }
}
