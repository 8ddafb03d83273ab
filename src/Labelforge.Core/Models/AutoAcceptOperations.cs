using System.Diagnostics;
using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.AutoAccept;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Models;

/// <summary>
/// Confidence-gated auto-accept of a model version's pre-labels. Verified evidence is what the model never trained on:
/// its held-out evaluation items (stored with the version) and items whose given label arrived after training and that
/// the version predicted. <see cref="ConfidenceThreshold"/> picks the threshold; unlabeled items predicted at or above
/// it get a model-accepted annotation (same author, superseding the model annotation), the rest stay for people.
/// </summary>
public sealed class AutoAcceptOperations(LabelforgeDb db, ModelOperations models, TaxonomyOperations taxonomy, PredictionOperations predictions)
{
    public async Task<AutoAcceptResult> RunAsync(long projectId, AutoAcceptRequest request, CancellationToken ct = default)
    {
        await TaskTypes.RequireClassLabelsAsync(db, projectId, "Auto-accept", ct);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var clock = Stopwatch.StartNew();
        var model = await models.GetAsync(projectId, request.Model, ct);
        var predictions = await LatestPredictionsAsync(projectId, model.Author, ct);
        if (predictions.Count == 0)
            throw LabelforgeException.Invalid($"{model.Author} has no predictions yet; run `labelforge predict PROJECT --model {model.Name}@{model.Version}` first.");
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var given = await GivenLabelsAsync(projectId, ct);
        var (confidence, correct) = HeldOut(model.HeldOutJson);
        var heldOut = confidence.Count;
        var unlabeled = new List<(long ItemId, Prediction P)>();
        foreach (var (itemId, p) in predictions)
        {
            if (!given.TryGetValue(itemId, out var label))
            {
                unlabeled.Add((itemId, p));
                continue;
            }
            if (label.AnnotationId <= model.TrainedThroughAnnotationId || label.LabelId is not { } human)
                continue; // the model trained on this label: its confidence there is not evidence
            confidence.Add(p.Confidence);
            correct.Add(resolver.Resolve(p.LabelId) == resolver.Resolve(human));
        }
        var options = new AutoAcceptOptions { TargetPrecision = request.TargetPrecision, Alpha = 1 - request.Confidence, Bound = request.Bound };
        var threshold = ConfidenceThreshold.Select(confidence, correct, unlabeled.Select(u => u.P.Confidence).ToList(), options);
        var accepted = 0;
        if (!request.DryRun && threshold.Threshold is { } t)
            accepted = await AcceptAsync(projectId, model.Author, unlabeled.Where(u => u.P.Confidence >= t && u.P.Kind != AnnotationKind.ModelAccepted.ToWire()), ct);
        return new AutoAcceptResult(model.Author, threshold, heldOut, confidence.Count - heldOut, unlabeled.Count, accepted, request.DryRun,
            clock.Elapsed.TotalSeconds);
    }

    private sealed record Prediction(long LabelId, double Confidence, string Kind, string? ProbabilitiesJson);

    private async Task<Dictionary<long, Prediction>> LatestPredictionsAsync(long projectId, string author, CancellationToken ct)
    {
        var result = new Dictionary<long, Prediction>();
        var rows = db.Annotations.AsNoTracking().Where(a => a.ProjectId == projectId && a.Author == author).OrderBy(a => a.Id)
            .Select(a => new { a.ItemId, a.LabelIdsJson, a.Confidence, a.Kind, a.ProbabilitiesJson });
        await foreach (var a in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var ids = JsonIds.Read(a.LabelIdsJson);
            if (ids.Length == 1)
                result[a.ItemId] = new Prediction(ids[0], a.Confidence ?? 0, a.Kind, a.ProbabilitiesJson); // later rows win
        }
        return result;
    }

    private async Task<Dictionary<long, (long AnnotationId, long? LabelId)>> GivenLabelsAsync(long projectId, CancellationToken ct)
    {
        var result = new Dictionary<long, (long, long?)>();
        var rows = GivenLabels.Latest(db, projectId).AsNoTracking().Select(a => new { a.Id, a.ItemId, a.LabelIdsJson });
        await foreach (var a in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var ids = JsonIds.Read(a.LabelIdsJson);
            result[a.ItemId] = (a.Id, ids.Length == 1 ? ids[0] : null);
        }
        return result;
    }

    private static (List<double> Confidence, List<bool> Correct) HeldOut(string json)
    {
        if (string.IsNullOrEmpty(json))
            return ([], []);
        var evidence = JsonSerializer.Deserialize<HeldOutEvidence>(json) ?? new HeldOutEvidence([], []);
        return ([.. evidence.Confidence], [.. evidence.Correct]);
    }

    private async Task<int> AcceptAsync(long projectId, string author, IEnumerable<(long ItemId, Prediction P)> items, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == projectId, ct);
        var accepted = items.Select(u => new ModelPrediction(u.ItemId, u.P.LabelId, u.P.Confidence, Probabilities(u.P.ProbabilitiesJson))).ToList();
        return await predictions.WriteAsync(projectId, author, project.TaxonomyVersion, accepted, AnnotationKind.ModelAccepted, ct);
    }

    private static Dictionary<long, double> Probabilities(string? json) => ProbabilityJson.Read(json);
}
