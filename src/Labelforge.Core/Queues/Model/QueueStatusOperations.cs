using System.Globalization;
using System.Text.Json;
using Labelforge.Core.Data;
using Labelforge.Core.Queues.Settings;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Engine.ActiveLearning;

namespace Labelforge.Core.Queues.Model;

/// <summary>
/// Reports how a project's queue is ordered and where its active-learning model and stopping signal stand. The server
/// passes its shared <see cref="QueueLabelCounts"/>, so the annotators' status polls and the retrain poll count a
/// project's labeled items once per new annotation, not once per request.
/// </summary>
public sealed class QueueStatusOperations(QueueSettingsOperations settingsOperations, QueueModelOperations models, ActiveLearningQueueOptions options, QueueLabelCounts? counts = null)
{
    public async Task<QueueStatus> StatusAsync(long projectId, CancellationToken ct = default)
    {
        var settings = await settingsOperations.GetAsync(projectId, ct);
        var state = await models.StateAsync(projectId, ct);
        var labeled = await models.LabeledItemsAsync(projectId, counts, ct);
        var al = QueueStrategies.IsActiveLearning(settings.Strategy);
        var ready = al && state is { RetrainCount: > 0 };
        var kappas = state is null ? [] : JsonSerializer.Deserialize<List<double>>(state.KappasJson) ?? [];
        var stable = StabilizingPredictions.StableRounds(kappas, options.StableKappa);
        var stop = ready && stable >= options.StableRounds;
        var next = al ? (state?.LabelsAtLastRetrain ?? 0) + settings.RetrainEvery : (int?)null;
        return new QueueStatus(settings.Strategy, al, ready, Describe(settings, state, ready, next), settings.RetrainEvery, settings.BatchSize, labeled,
            next, state?.RetrainCount ?? 0, state?.LastRetrainAt, state?.LastDurationMs ?? 0, state?.LabelsAtLastRetrain ?? 0, ready ? state!.RankedItems : 0,
            kappas.Count > 0 ? kappas[^1] : null, kappas, stable, stop, ready ? StopText(kappas, stable, stop) : null);
    }

    private static string Describe(QueueSettings settings, QueueModelState? state, bool ready, int? next)
    {
        if (!QueueStrategies.IsActiveLearning(settings.Strategy))
            return settings.Strategy == SeededRandomStrategy.WireName ? "items in seeded-random order" : "items in import order";
        if (!ready)
        {
            var why = state?.Note ?? $"the first model is trained at {next} labeled items";
            return $"no model yet ({why}); items come in seeded-random order until then";
        }
        var model = $"{settings.Strategy} ranking from the model trained on {state!.LabelsAtLastRetrain} labels ({state.RetrainCount} {(state.RetrainCount == 1 ? "retrain" : "retrains")}); next retrain at {next} labels";
        if (state.Strategy != settings.Strategy)
            model = $"{state.Strategy} ranking until the rerank for {settings.Strategy}; next retrain now";
        return state.Note is null ? model : $"{model}; last attempt: {state.Note}";
    }

    private string StopText(List<double> kappas, int stable, bool stop)
    {
        if (kappas.Count == 0)
            return "stopping signal after the second retrain";
        var kappa = kappas[^1].ToString("0.00", CultureInfo.InvariantCulture);
        return stop
            ? $"model stable: kappa {kappa} for {stable} rounds — consider stopping"
            : $"model still changing: kappa {kappa} ({stable} of {options.StableRounds} stable rounds at ≥ {options.StableKappa.ToString(CultureInfo.InvariantCulture)})";
    }
}
