using System.CommandLine;
using System.Diagnostics;
using Labelforge.Cli.Consensus;
using Labelforge.Cli.Output;
using Labelforge.Engine.Consensus;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge aggregate`: infer the true label of each item from several workers' answers.</summary>
internal static class AggregateCommand
{
    private static readonly Dictionary<string, InferenceMethod> Methods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["majority"] = InferenceMethod.MajorityVote,
        ["weighted-majority"] = InferenceMethod.WeightedMajorityVote,
        ["dawid-skene"] = InferenceMethod.DawidSkene,
        ["one-coin"] = InferenceMethod.OneCoin,
        ["glad"] = InferenceMethod.Glad,
        ["mace"] = InferenceMethod.Mace,
    };

    private static readonly Dictionary<string, TieBreak> Ties = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lowest"] = TieBreak.Lowest,
        ["random"] = TieBreak.Random,
        ["abstain"] = TieBreak.Abstain,
    };

    public static Command Create()
    {
        var layout = new LayoutOptions();
        var method = new Option<string>("--method") { Description = "majority, weighted-majority, dawid-skene, one-coin, glad or mace.", Required = true };
        method.AcceptOnlyFromAmong([.. Methods.Keys]);
        var gold = new Option<string?>("--gold") { Description = "Gold labels (item,label) to measure accuracy on." };
        var goldItem = new Option<string>("--gold-item-column") { Description = "Item column of the gold file.", DefaultValueFactory = _ => "item" };
        var goldLabel = new Option<string?>("--gold-label-column") { Description = "Label column of the gold file (default: 'label', else 'gold')." };
        var clamp = new Option<bool>("--clamp-gold") { Description = "Fix gold items to their gold label while fitting (accuracy is then measured on them too)." };
        var output = new Option<string?>("--output") { Description = "Write item,label,confidence to this CSV file." };
        var ties = new Option<string>("--ties") { Description = "Majority-vote ties: lowest, random (seeded) or abstain.", DefaultValueFactory = _ => "lowest" };
        ties.AcceptOnlyFromAmong([.. Ties.Keys]);
        var maxIterations = new Option<int>("--max-iterations") { Description = "Most EM iterations.", DefaultValueFactory = _ => 100 };
        var tolerance = new Option<double>("--tolerance") { Description = "Relative log-likelihood change that ends EM.", DefaultValueFactory = _ => 1e-7 };
        var smoothing = new Option<double>("--smoothing") { Description = "Pseudo-count added to every estimated count.", DefaultValueFactory = _ => 0.01 };
        var uniform = new Option<bool>("--uniform-priors") { Description = "Keep class priors uniform instead of estimating them." };
        var restarts = new Option<int>("--restarts") { Description = "MACE: extra runs from random starts (best likelihood wins)." };
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("aggregate", "Infer each item's true label from several workers' answers (truth inference).");
        layout.AddTo(command);
        foreach (var option in new Option[] { method, gold, goldItem, goldLabel, clamp, output, ties, maxIterations, tolerance, smoothing, uniform, restarts, seed, json })
            command.Options.Add(option);
        command.SetHandler((parse, ct) =>
        {
            var table = layout.ReadAnswers(parse);
            var goldPath = parse.GetValue(gold);
            var goldLabels = goldPath is null ? null
                : GoldCsvReader.Read(goldPath, table, layout.ParseDelimiter(parse), parse.GetValue(goldItem)!, parse.GetValue(goldLabel));
            var options = new InferenceOptions
            {
                MaxIterations = Positive(parse.GetValue(maxIterations), "--max-iterations"),
                Tolerance = parse.GetValue(tolerance),
                Smoothing = parse.GetValue(smoothing) >= 0 ? parse.GetValue(smoothing) : throw new CliException("--smoothing must be 0 or more"),
                Seed = parse.GetValue(seed),
                TieBreak = Ties[parse.GetValue(ties)!],
                RandomRestarts = parse.GetValue(restarts) >= 0 ? parse.GetValue(restarts) : throw new CliException("--restarts must be 0 or more"),
                ClassPriors = parse.GetValue(uniform) ? Enumerable.Repeat(1.0, table.LabelNames.Length).ToArray() : null,
                Gold = parse.GetValue(clamp) ? goldLabels?.Labels : null,
            };
            var name = parse.GetValue(method)!.ToLowerInvariant();
            var watch = Stopwatch.StartNew();
            var result = TruthInference.Run(Methods[name], table.Answers, options);
            var seconds = watch.Elapsed.TotalSeconds;
            var outputPath = parse.GetValue(output);
            if (outputPath is not null)
                LabelsCsvWriter.Write(outputPath, table, result);
            var summary = AggregateSummary.From(name, table, result, seconds, goldLabels, outputPath);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                CliJson.Write(stdout, summary);
            else
                stdout.WriteLine(summary.ToText());
            return Task.FromResult(0);
        });
        return command;
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new CliException($"{option} must be at least 1");
}
