using System.CommandLine;
using System.Text.Json.Serialization;
using Labelforge.Cli.ActiveLearning;
using Labelforge.Cli.Input;
using Labelforge.Cli.Output;
using Labelforge.Engine.ActiveLearning;
using Labelforge.Training.ActiveLearning;
using Labelforge.Training.Fast;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge al`: active learning. `al simulate` replays a strategy on fully labeled data.</summary>
internal static class ActiveLearningCommand
{
    internal static readonly Dictionary<string, QueryStrategy> Strategies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["random"] = QueryStrategy.Random,
        ["least-confidence"] = QueryStrategy.LeastConfidence,
        ["margin"] = QueryStrategy.Margin,
        ["entropy"] = QueryStrategy.Entropy,
        ["diversity"] = QueryStrategy.Diversity,
        ["uncertainty-diversity"] = QueryStrategy.UncertaintyDiversity,
    };

    public static Command Create() => Create("al");

    /// <summary>The command under <paramref name="name"/> (the catalog builds the hidden spelled-out name this way).</summary>
    public static Command Create(string name)
    {
        var command = new Command(name, "Active learning: choose which items to label next.");
        command.Subcommands.Add(Simulate());
        return command;
    }

    private static Command Simulate()
    {
        var input = new Option<string>("--input") { Description = "Fully labeled data: .csv, .tsv or .jsonl, optionally .gz.", Required = true };
        var format = new Option<string?>("--format") { Description = "csv, tsv or jsonl when the file name does not tell." };
        var textField = new Option<string>("--text-field") { Description = "Column or JSON field holding the text.", Required = true };
        var labelField = new Option<string>("--label-field") { Description = "Column or JSON field holding the label.", Required = true };
        var strategy = new Option<string>("--strategy") { Description = "Query strategy.", DefaultValueFactory = _ => "margin" };
        strategy.AcceptOnlyFromAmong([.. Strategies.Keys]);
        var init = new Option<int>("--init") { Description = "Random seed labels.", DefaultValueFactory = _ => 20 };
        var batch = new Option<int>("--batch") { Description = "Labels per query.", DefaultValueFactory = _ => 20 };
        var budget = new Option<int>("--budget") { Description = "Stop at this many labels.", DefaultValueFactory = _ => 1500 };
        var testFraction = new Option<double>("--test-fraction") { Description = "Held-out share for scoring.", DefaultValueFactory = _ => 0.2 };
        var split = new Option<string?>("--split") { Description = "JSON file with 'pool' and 'test' arrays of 0-based data rows: use that split instead of a stratified --test-fraction one." };
        var initItems = new Option<string?>("--init-items") { Description = "Comma-separated 0-based data rows (pool items) to label first, instead of --init random ones; needs --split." };
        var classWeights = new Option<string>("--class-weights") { Description = "balanced: each class weighs the same in the model's loss (default, the queue's model); none: every label once (scikit-learn's LogisticRegression default, small-text's model).", DefaultValueFactory = _ => "balanced" };
        classWeights.AcceptOnlyFromAmong("balanced", "none");
        var plot = new Option<string?>("--plot") { Description = "Write the learning curve as an SVG line chart to this path." };
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("simulate", "Simulate active learning on fully labeled data and report the learning curve.")
        {
            input, format, textField, labelField, strategy, init, batch, budget, testFraction, split, initItems, classWeights, plot, seed, json,
        };
        command.SetHandler(async (parse, ct) =>
        {
            if (parse.GetValue(initItems) is not null && parse.GetValue(split) is null)
                throw new CliException("--init-items needs --split (the rows must be pool items)");
            var options = new SimulationOptions
            {
                Strategy = Strategies[parse.GetValue(strategy)!],
                Initial = Positive(parse.GetValue(init), "--init"),
                Batch = Positive(parse.GetValue(batch), "--batch"),
                Budget = Positive(parse.GetValue(budget), "--budget"),
                TestFraction = parse.GetValue(testFraction) is > 0 and < 1 and var f ? f : throw new CliException("--test-fraction must be between 0 and 1"),
                Seed = parse.GetValue(seed),
                Model = parse.GetValue(classWeights) == "none" ? new SoftmaxRegressionOptions() : SoftmaxRegressionOptions.ActiveLearning,
            };
            var data = LabeledTextReader.Read(parse.GetValue(input)!, parse.GetValue(format), parse.GetValue(textField)!, parse.GetValue(labelField)!);
            if (data.ClassNames.Length < 2)
                throw new CliException($"{parse.GetValue(input)}: only one label value ('{data.ClassNames[0]}'); a classifier needs at least two");
            if (parse.GetValue(split) is { } splitPath)
                options = options with { Split = SplitFileReader.Read(splitPath, parse.GetValue(initItems), data.Texts.Length) };
            var result = ActiveLearningSimulation.Run(data.Texts, data.Labels, data.ClassNames.Length, options);
            if (parse.GetValue(plot) is { } plotPath)
                await File.WriteAllTextAsync(plotPath, LearningCurvePlot.Render($"{parse.GetValue(strategy)} on {Path.GetFileName(parse.GetValue(input))}", [result]), ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                CliJson.Write(output, new SimulationSummary(result));
            else
                await WriteTextAsync(output, result);
            return 0;
        });
        return command;
    }

    private static int Positive(int value, string name) => value > 0 ? value : throw new CliException($"{name} must be a positive number");

    private static async Task WriteTextAsync(TextWriter output, SimulationResult result)
    {
        await output.WriteLineAsync($"{result.Strategy}: {result.PoolItems} pool items, {result.TestItems} held out, {result.Seconds:F1} s (round: retrain + query, mean {result.MeanRoundSeconds:F3} s, max {result.MaxRoundSeconds:F3} s)");
        await output.WriteLineAsync("labels\taccuracy\tmacro_f1");
        foreach (var p in result.Curve)
            await output.WriteLineAsync($"{p.Labels}\t{p.Accuracy:F4}\t{p.MacroF1:F4}");
        await output.WriteLineAsync($"full data ({result.FullData.Labels} labels): accuracy {result.FullData.Accuracy:F4}, macro-F1 {result.FullData.MacroF1:F4}");
        await output.WriteLineAsync($"labels to 95% of full macro-F1: {result.LabelsTo95?.ToString() ?? "never"}; to 98%: {result.LabelsTo98?.ToString() ?? "never"}");
    }

    /// <summary>The --json shape: null thresholds stay in the output ("never reached"), unlike other null fields.</summary>
    private sealed record SimulationSummary(SimulationResult Result)
    {
        public string Strategy => Strategies.First(p => p.Value.ToString() == Result.Strategy).Key;

        public int PoolItems => Result.PoolItems;

        public int TestItems => Result.TestItems;

        public IReadOnlyList<CurvePoint> Curve => Result.Curve;

        public CurvePoint FullData => Result.FullData;

        [JsonPropertyName("labels_to_95")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public int? LabelsTo95 => Result.LabelsTo95;

        [JsonPropertyName("labels_to_98")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public int? LabelsTo98 => Result.LabelsTo98;

        public double Seconds => Result.Seconds;

        public double MeanRoundSeconds => Result.MeanRoundSeconds;

        public double MaxRoundSeconds => Result.MaxRoundSeconds;

        [JsonIgnore]
        public SimulationResult Result { get; } = Result;
    }
}
