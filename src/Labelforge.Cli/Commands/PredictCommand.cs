using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Training.Models;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge predict PROJECT`: pre-labels items with a stored model version (kind model annotations).</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var model = new Option<string?>("--model") { Description = "NAME or NAME@VERSION (default: the most recently trained model)." };
        var onlyUnlabeled = new Option<bool>("--only-unlabeled") { Description = "Score only items without a given (human, imported or reviewed) label." };
        var batch = new Option<int>("--batch") { Description = "Items scored and written per transaction.", DefaultValueFactory = _ => 2_000 };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("predict", "Store a model version's predictions as model annotations (author model:NAME@VERSION); re-running adds nothing.")
        {
            project, model, onlyUnlabeled, batch, db, json,
        };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetValue(project)!, ct);
            if (parse.GetValue(batch) < 1)
                throw new CliException("--batch must be at least 1.");
            var result = await CliProgress.RunAsync(parse, "predict", progress =>
                store.Get<ProjectPrediction>().PredictAsync(p.Id, parse.GetValue(model), parse.GetValue(onlyUnlabeled), parse.GetValue(batch),
                    new Progress(progress), ct));
            CliJson.Report(parse, json, new { author = result.Author, predicted = result.Predicted, seconds = Math.Round(result.Seconds, 3) },
                $"{result.Author}: {result.Predicted} new predictions in {result.Seconds:F1} s");
            return 0;
        });
        return command;
    }

    private sealed class Progress(IProgress<string> inner) : IProgress<int>
    {
        public void Report(int value) => inner.Report($"{value} items scored");
    }
}
