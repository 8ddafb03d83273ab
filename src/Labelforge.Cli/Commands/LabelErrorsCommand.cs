using System.CommandLine;
using System.Diagnostics;
using Labelforge.Cli.Input;
using Labelforge.Cli.Output;
using Labelforge.Engine;
using Labelforge.Engine.LabelErrors;
using Labelforge.Training.Projects;

namespace Labelforge.Cli.Commands;

/// <summary>
/// `labelforge label-errors`: confident learning on out-of-fold probabilities. Today it reads plain files
/// (--labels, --probs); the detection itself sits in <see cref="Detect"/> so a project source can feed it too.
/// </summary>
internal static class LabelErrorsCommand
{
    // Names and values side by side rather than in dictionaries keyed by enum values: each such dictionary type is
    // compiled by the JIT when a new process starts, as the ReadyToRun build cannot precompile it.
    private static readonly string[] FilterNames = ["prune-by-noise-rate", "prune-by-class", "both", "confident-learning", "predicted-neq-given"];

    private static readonly LabelErrorFilter[] FilterValues =
    [
        LabelErrorFilter.PruneByNoiseRate, LabelErrorFilter.PruneByClass, LabelErrorFilter.Both, LabelErrorFilter.ConfidentLearning,
        LabelErrorFilter.PredictedNeqGiven,
    ];

    private static readonly string[] RankingNames = ["self-confidence", "normalized-margin"];

    private static readonly LabelQualityMethod[] RankingValues = [LabelQualityMethod.SelfConfidence, LabelQualityMethod.NormalizedMargin];

    public static Command Create()
    {
        var project = new Argument<string?>("PROJECT") { Description = "Check a project's human labels (omit to work on --labels/--probs files).", Arity = ArgumentArity.ZeroOrOne };
        var labels = new Option<string?>("--labels") { Description = "CSV with header 'label' and one given class index (0..k-1) per row." };
        var probs = new Option<string?>("--probs") { Description = "CSV with a header row, then one row of k out-of-fold class probabilities per item." };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds for out-of-fold probabilities (project mode).", DefaultValueFactory = _ => ProjectLabelErrors.DefaultFolds };
        var seed = CommonOptions.Seed();
        var db = CommonOptions.Db();
        var filter = new Option<string>("--filter")
        {
            Description = "Which confident-learning filter flags items.",
            DefaultValueFactory = _ => "prune-by-noise-rate",
        };
        filter.AcceptOnlyFromAmong(FilterNames);
        var rankBy = new Option<string>("--rank-by") { Description = "Label quality score that orders the flagged items.", DefaultValueFactory = _ => "self-confidence" };
        rankBy.AcceptOnlyFromAmong(RankingNames);
        var max = new Option<int?>("--max") { Description = "Report only the first N ranked items (a review budget)." };
        var json = CommonOptions.Json();
        var command = new Command("label-errors", "Find likely label errors with confident learning on out-of-fold probabilities.")
        {
            project, labels, probs, filter, rankBy, max, folds, seed, db, json,
        };
        command.SetHandler(async (parse, ct) =>
        {
            var options = new LabelErrorOptions
            {
                Filter = FilterValues[Array.IndexOf(FilterNames, parse.GetValue(filter))],
                RankBy = RankingValues[Array.IndexOf(RankingNames, parse.GetValue(rankBy))],
                MaxIssues = parse.GetValue(max),
            };
            if (parse.GetValue(project) is { } projectRef)
                return await LabelErrorsProject.RunAsync(parse, projectRef, options, parse.GetValue(folds), parse.GetValue(seed), db, json, ct);
            var labelsPath = parse.GetValue(labels) ?? throw new CliException("give a PROJECT, or --labels and --probs files");
            var clock = Stopwatch.StartNew();
            var givenLabels = NumericTableReader.ReadLabels(labelsPath);
            var probabilities = NumericTableReader.ReadProbabilities(parse.GetValue(probs) ?? throw new CliException("--probs is required with --labels"));
            var (result, detectSeconds) = Detect(givenLabels, probabilities, options, labelsPath);
            // Reading both files and detecting; detect_seconds is the detection alone (what cleanlab's find_label_issues does).
            var seconds = clock.Elapsed.TotalSeconds;
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                CliJson.Write(output, new LabelErrorsSummary(result.Indices.Length, result.Indices, seconds, detectSeconds, givenLabels.Length, probabilities.ClassCount));
            else
                await WriteTableAsync(output, result.Indices, givenLabels, probabilities, options.RankBy);
            return 0;
        });
        return command;
    }

    /// <summary>Checks that labels and probabilities fit together, then runs the detector and times it.</summary>
    internal static (LabelErrorResult Result, double Seconds) Detect(int[] labels, ProbabilityMatrix probabilities, LabelErrorOptions options, string labelSource)
    {
        if (labels.Length != probabilities.RowCount)
            throw new CliException($"{labelSource}: {labels.Length} labels but {probabilities.RowCount} probability rows; both files need one row per item, in the same order");
        var tooLarge = 0;
        while (tooLarge < labels.Length && labels[tooLarge] < probabilities.ClassCount)
            tooLarge++;
        if (tooLarge < labels.Length)
            throw new CliException($"{labelSource}: row {tooLarge + 1} has label {labels[tooLarge]} but the probabilities have only {probabilities.ClassCount} classes (0..{probabilities.ClassCount - 1})");
        var clock = Stopwatch.StartNew();
        var result = LabelErrorDetector.Find(labels, probabilities, options);
        return (result, clock.Elapsed.TotalSeconds);
    }

    private static async Task WriteTableAsync(TextWriter output, int[] indices, int[] labels, ProbabilityMatrix probabilities, LabelQualityMethod rankBy)
    {
        await output.WriteLineAsync($"{indices.Length} likely label errors of {labels.Length} items (most suspicious first)");
        await output.WriteLineAsync("rank\tindex\tgiven\tpredicted\tquality");
        for (var r = 0; r < indices.Length; r++)
        {
            var i = indices[r];
            var quality = LabelQuality.Score(labels[i], probabilities.Row(i), rankBy);
            await output.WriteLineAsync($"{r + 1}\t{i}\t{labels[i]}\t{probabilities.ArgMax(i)}\t{quality:F4}");
        }
    }

    internal sealed record LabelErrorsSummary(int Count, int[] Indices, double Seconds, double DetectSeconds, int Items, int Classes);
}
