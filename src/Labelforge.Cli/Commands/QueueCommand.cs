using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Model;
using Labelforge.Core.Queues.Settings;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Training.Queues;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge queue set|show|retrain`: a project's queue order and its active-learning model.</summary>
internal static class QueueCommand
{
    public static Command Create()
    {
        var command = new Command("queue", "Choose how the annotate queue orders items (import order, seeded random or active learning) and see its model.");
        command.Subcommands.Add(SetCommand());
        command.Subcommands.Add(ShowCommand());
        command.Subcommands.Add(RetrainCommand());
        return command;
    }

    private static Command SetCommand()
    {
        var project = ProjectArgument();
        var strategy = new Option<string?>("--strategy") { Description = $"Queue order: {string.Join(", ", QueueStrategies.Names)}." };
        strategy.AcceptOnlyFromAmong([.. QueueStrategies.Names]);
        var every = new Option<int?>("--retrain-every") { Description = $"Retrain the model after this many new labels (default {QueueSettings.DefaultRetrainEvery})." };
        var batch = new Option<int?>("--batch-size") { Description = $"Items a diversity strategy spreads out at once (default {QueueSettings.DefaultBatchSize})." };
        var seed = new Option<long?>("--seed") { Description = "Seed of the random order, the model and k-means++ (default 1)." };
        var overlap = new Option<string?>("--overlap") { Description = "Distinct annotators per item: a number K (fixed overlap, default 1), or adaptive (with --min-overlap, --max-overlap, --target-confidence)." };
        var minOverlap = new Option<int?>("--min-overlap") { Description = "Adaptive overlap: annotators every item gets at least (default 1)." };
        var maxOverlap = new Option<int?>("--max-overlap") { Description = "Adaptive overlap: annotators an item gets at most." };
        var target = new Option<double?>("--target-confidence") { Description = $"Adaptive overlap: ask one more annotator while the item's consensus posterior is below this (default {QueueSettings.DefaultTargetConfidence})." };
        var goldRate = new Option<double?>("--gold-rate") { Description = "Share of each annotator's items that are gold items, 0 to 1 (see `gold PROJECT import`)." };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("set", "Change a project's queue settings; options left out keep their value.")
            { project, strategy, every, batch, seed, overlap, minOverlap, maxOverlap, target, goldRate, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var update = new QueueSettingsUpdate(parse.GetValue(strategy), parse.GetValue(every), parse.GetValue(batch), parse.GetValue(seed))
            {
                MinOverlap = parse.GetValue(minOverlap), MaxOverlap = parse.GetValue(maxOverlap), TargetConfidence = parse.GetValue(target),
                GoldRate = parse.GetValue(goldRate),
            };
            update = Overlap(parse.GetValue(overlap), update);
            var settings = await store.Get<QueueSettingsOperations>().SetAsync(p.Id, update, ct);
            CliJson.Report(parse, json, new { project = p.Name, settings },
                $"{p.Name}: queue order {settings.Strategy}, retrain every {settings.RetrainEvery} labels, batch {settings.BatchSize}, seed {settings.Seed}; "
                + $"{DescribeOverlap(settings)}, gold rate {settings.GoldRate:0.###}");
            return 0;
        });
        return command;
    }

    private static Command ShowCommand()
    {
        var project = ProjectArgument();
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("show", "Show a project's queue order, its model's retrains and the stopping signal.") { project, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var status = await store.Get<QueueStatusOperations>().StatusAsync(p.Id, ct);
            CliJson.Report(parse, json, new { project = p.Name, status }, Describe(p.Name, status));
            return 0;
        });
        return command;
    }

    private static Command RetrainCommand()
    {
        var project = ProjectArgument();
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("retrain", "Retrain the project's active-learning model and re-rank its queue now.") { project, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var result = await store.Get<QueueRetrainer>().RetrainAsync(p.Id, new QueueFeatureCache(), ct);
            var status = await store.Get<QueueStatusOperations>().StatusAsync(p.Id, ct);
            var text = result.ModelTrained
                ? $"{p.Name}: retrained on {result.LabeledItems} labels, ranked {result.RankedItems} of {result.PoolItems} unlabeled items in {result.Duration.TotalSeconds:F2} s"
                : $"{p.Name}: no model: {result.Note}";
            CliJson.Report(parse, json, new { project = p.Name, retrain = result, status }, text + Environment.NewLine + Describe(p.Name, status));
            return 0;
        });
        return command;
    }

    /// <summary>`--overlap K` is fixed overlap K; `--overlap adaptive` turns on the adaptive rule; the min/max/target options alone also mean adaptive.</summary>
    private static QueueSettingsUpdate Overlap(string? value, QueueSettingsUpdate update)
    {
        if (value is null)
            return update.MinOverlap is not null || update.MaxOverlap is not null || update.TargetConfidence is not null
                ? update with { OverlapMode = QueueSettings.AdaptiveOverlap }
                : update;
        if (value.Trim().Equals(QueueSettings.AdaptiveOverlap, StringComparison.OrdinalIgnoreCase))
            return update with { OverlapMode = QueueSettings.AdaptiveOverlap };
        if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k))
            throw new CliException($"--overlap takes a number of annotators (e.g. 3) or 'adaptive', not '{value}'");
        if (update.MinOverlap is not null || update.MaxOverlap is not null || update.TargetConfidence is not null)
            throw new CliException("--min-overlap, --max-overlap and --target-confidence belong to --overlap adaptive, not a fixed --overlap K");
        return update with { OverlapMode = QueueSettings.FixedOverlap, Overlap = k };
    }

    private static string DescribeOverlap(QueueSettings s) => s.OverlapMode == QueueSettings.AdaptiveOverlap
        ? $"adaptive overlap {s.MinOverlap} to {s.MaxOverlap} annotators until confidence {s.TargetConfidence:0.###}"
        : $"overlap {s.Overlap}";

    private static Argument<string> ProjectArgument() => new("PROJECT") { Description = "Project name or id." };

    private static string Describe(string name, QueueStatus s)
    {
        var lines = new List<string> { $"{name}: {s.Strategy}, {s.Message}" };
        if (s.ActiveLearning)
            lines.Add($"labeled items {s.LabeledItems}, retrains {s.RetrainCount}, last {s.LastRetrainAt?.ToString("u") ?? "never"} ({s.LastDurationMs} ms), ranked {s.RankedItems}");
        if (s.StopMessage is not null)
            lines.Add(s.StopMessage);
        return string.Join(Environment.NewLine, lines);
    }
}
