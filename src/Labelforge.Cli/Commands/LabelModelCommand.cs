using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Labelforge.Cli.Output;
using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Core.LabelingFunctions.Projects.Fitting;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Cli.Commands;

/// <summary>`label-model fit`: learn a label model on a label matrix, score it on an evaluation matrix with gold.</summary>
internal static class LabelModelCommand
{
    private sealed record FitSummary(
        string Model, int Cardinality, int TrainItems, double FitSeconds, int Iterations, bool Converged,
        IReadOnlyList<double> ClassBalance, int? EvalItems, double? Accuracy, double? AccuracyAbstain,
        double? Coverage, double? F1, string? Output);

    public static Command Create() => Create("label-model");

    /// <summary>The command under <paramref name="name"/> (the catalog builds hidden former names this way).</summary>
    public static Command Create(string name)
    {
        var command = new Command(name, "Label models: turn labeling-function votes into probabilistic labels.");
        command.Subcommands.Add(Fit());
        return command;
    }

    private static Command Fit()
    {
        var train = new Option<string>("--train") { Description = "Training label matrix CSV (no gold needed).", Required = true };
        var eval = new Option<string?>("--eval") { Description = "Evaluation label matrix CSV." };
        var evalGold = new Option<string?>("--eval-gold") { Description = "Gold labels for --eval (header `label`, -1 = unknown)." };
        var cardinality = new Option<int>("--cardinality") { Description = "Number of classes k.", Required = true };
        var model = LabelModelOption.Create("Label model.");
        var output = new Option<string?>("--output") { Description = "Write P(Y = y) per row (of --eval if given, else --train) as CSV." };
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("fit", "Fit a label model; with --eval and --eval-gold, score it.")
        {
            train, eval, evalGold, cardinality, model, output, seed, json,
        };
        command.SetHandler(async (parse, ct) =>
        {
            var k = parse.GetValue(cardinality);
            if (k < 2)
                throw new CliException("--cardinality must be at least 2");
            var (trainMatrix, _) = LabelingFunctionCommand.ReadMatrix(parse.GetValue(train)!);
            Validate(trainMatrix, k, parse.GetValue(train)!);
            var labelModel = LabelModels.Create(parse.GetValue(model)!);
            var clock = Stopwatch.StartNew();
            var diagnostics = labelModel.Fit(trainMatrix, k);
            var fitSeconds = clock.Elapsed.TotalSeconds;
            var evalPath = parse.GetValue(eval);
            var target = trainMatrix;
            if (evalPath is not null)
            {
                target = LabelingFunctionCommand.ReadMatrix(evalPath).Matrix;
                Validate(target, k, evalPath);
                if (target.Columns != trainMatrix.Columns)
                    throw new CliException($"{evalPath} has {target.Columns} columns, the training matrix {trainMatrix.Columns}");
            }
            var probabilities = labelModel.PredictProbabilities(target);
            LabelModelScore? score = null;
            if (parse.GetValue(evalGold) is { } goldPath)
            {
                if (evalPath is null)
                    throw new CliException("--eval-gold needs --eval (the matrix the gold labels belong to)");
                score = LabelModelScoring.Score(probabilities, target, LabelingFunctionCommand.ReadGold(goldPath, target.Rows), parse.GetValue(seed));
            }
            var outputPath = parse.GetValue(output);
            if (outputPath is not null)
                await WriteProbabilities(outputPath, probabilities, ct);
            var summary = new FitSummary(labelModel.Name, k, trainMatrix.Rows, fitSeconds, diagnostics.Iterations, diagnostics.Converged,
                diagnostics.ClassBalance, evalPath is null ? null : target.Rows, score?.Accuracy, score?.AccuracyAbstain,
                score?.Coverage, score?.F1, outputPath);
            Print(parse, json, summary);
            return 0;
        });
        return command;
    }

    private static void Print(ParseResult parse, Option<bool> json, FitSummary summary)
    {
        var stdout = parse.InvocationConfiguration.Output;
        if (parse.GetValue(json))
        {
            CliJson.Write(stdout, summary);
            return;
        }
        stdout.WriteLine($"{summary.Model}: fit on {summary.TrainItems} items in {summary.FitSeconds:F4} s ({summary.Iterations} iterations)");
        stdout.WriteLine($"class balance: {string.Join(", ", summary.ClassBalance.Select(p => p.ToString("F3", CultureInfo.InvariantCulture)))}");
        if (summary.Accuracy is { } accuracy)
            stdout.WriteLine($"eval: accuracy {accuracy:P1}, accuracy (abstain = wrong) {summary.AccuracyAbstain:P1}, coverage {summary.Coverage:P1}{(summary.F1 is { } f1 ? $", F1 {f1:F3}" : "")}");
    }

    private static void Validate(LabelMatrix matrix, int k, string path)
    {
        try
        {
            matrix.Validate(k);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"{path}: {ex.Message}; check --cardinality");
        }
    }

    private static async Task WriteProbabilities(string path, double[,] probabilities, CancellationToken ct)
    {
        var k = probabilities.GetLength(1);
        await using var writer = new StreamWriter(path);
        await writer.WriteLineAsync(string.Join(',', Enumerable.Range(0, k).Select(y => $"p{y}")));
        for (var i = 0; i < probabilities.GetLength(0); i++)
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(string.Join(',', Enumerable.Range(0, k).Select(y => probabilities[i, y].ToString("R", CultureInfo.InvariantCulture))));
        }
    }
}
