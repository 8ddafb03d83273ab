using System.CommandLine;
using System.Text.Json;
using Labelforge.Cli.Output;
using Labelforge.Core.Models;
using Labelforge.Training.Models;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge train PROJECT`: trains a text classifier on the project's labels and stores it as a new model version.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var model = new Option<string>("--model")
        {
            Description = "Model kind: linear (word + char n-grams, L-BFGS max-ent) or embedding-linear (MiniLM sentence embeddings + logistic regression).",
            DefaultValueFactory = _ => ModelKinds.Linear,
        };
        model.AcceptOnlyFromAmong([.. ModelKinds.All]);
        var name = new Option<string?>("--name") { Description = "Name the versions are stored under (default: the kind)." };
        var programmatic = new Option<bool>("--include-programmatic") { Description = "Also train on programmatic (LF) labels of items without a human label, weighted by their probability." };
        var testFraction = new Option<double>("--test-fraction") { Description = "Share of human labels held out for the metrics.", DefaultValueFactory = _ => TrainRequest.DefaultTestFraction };
        var seed = CommonOptions.Seed();
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("train", "Train a text classifier on a project's labels and store it as a new model version.")
        {
            project, model, name, programmatic, testFraction, seed, db, json,
        };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetValue(project)!, ct);
            var request = new TrainRequest(parse.GetValue(model)!, parse.GetValue(name), parse.GetValue(programmatic), parse.GetValue(seed), parse.GetValue(testFraction));
            request.Validate();
            var version = await CliProgress.RunAsync(parse, "train", progress =>
            {
                progress.Report($"{request.Kind} on project '{p.Name}'");
                return store.Get<ProjectTraining>().TrainAsync(p.Id, request, ct);
            });
            var metrics = JsonDocument.Parse(version.MetricsJson).RootElement;
            CliJson.Report(parse, json, new
            {
                model = version.Name, version = version.Version, kind = version.Kind, author = version.Author,
                training_items = version.TrainingItems, metrics, seconds = version.TrainingSeconds,
            }, $"trained {version.Author} ({version.Kind}) on {version.TrainingItems} items in {version.TrainingSeconds:F1} s: " +
               $"accuracy {metrics.GetProperty("accuracy").GetDouble():F4}, macro-F1 {metrics.GetProperty("macro_f1").GetDouble():F4}, " +
               $"ECE {metrics.GetProperty("ece").GetDouble():F4} on {metrics.GetProperty("items").GetInt32()} held-out items");
            return 0;
        });
        return command;
    }
}
