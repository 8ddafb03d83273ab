using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Engine.Consensus;

namespace Labelforge.Cli.Consensus;

/// <summary>The options of `labelforge aggregate` and their translation into <see cref="ConsensusOptions"/>.</summary>
internal sealed class ConsensusCommandOptions
{
    public static readonly IReadOnlyDictionary<string, ConsensusMethod> Methods = Core.Consensus.ConsensusMethods.ByName;

    private static readonly Dictionary<string, TieBreak> TieBreaks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lowest"] = Engine.Consensus.TieBreak.Lowest,
        ["random"] = Engine.Consensus.TieBreak.Random,
        ["abstain"] = Engine.Consensus.TieBreak.Abstain,
    };

    public LayoutOptions Layout { get; } = new(inputRequired: false);

    public Argument<string?> Project { get; } = new("PROJECT")
    {
        Description = "Project name or id: infer from its current human labels and store the result (instead of --input).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> GoldFile { get; } = new("--gold-file") { Description = "With PROJECT: gold labels (item,label: external id, label name) to measure accuracy on." };

    public Option<string> Db { get; } = CommonOptions.Db();

    public Option<string> Method { get; } = new("--method") { Description = "majority, weighted-majority, dawid-skene, one-coin, glad or mace (needed except for the box consensus of an image-objects project; a text-spans project takes majority, the default, or dawid-skene)." };

    public Option<string?> Gold { get; } = new("--gold") { Description = "Gold labels (item,label) to measure accuracy on." };

    public Option<string> GoldItemColumn { get; } = new("--gold-item-column") { Description = "Item column of the gold file.", DefaultValueFactory = _ => "item" };

    public Option<string?> GoldLabelColumn { get; } = new("--gold-label-column") { Description = "Label column of the gold file (default: 'label', else 'gold')." };

    public Option<bool> ClampGold { get; } = new("--clamp-gold") { Description = "Fix gold items to their gold label while fitting (accuracy is then measured on them too)." };

    public Option<string?> Output { get; } = new("--output") { Description = "Write item,label,confidence to this CSV file." };

    public Option<string> Ties { get; } = new("--ties") { Description = "Majority-vote ties: lowest, random (seeded) or abstain.", DefaultValueFactory = _ => "lowest" };

    public Option<int> MaxIterations { get; } = new("--max-iterations") { Description = "Most EM iterations.", DefaultValueFactory = _ => 100 };

    public Option<double?> Tolerance { get; } = new("--tolerance")
    {
        Description = "Change that ends EM: relative log-likelihood change (default 1e-7); dawid-skene with --smoothing 0: gain of the per-answer bound (default 1e-5, crowd-kit's rule).",
    };

    public Option<double?> Smoothing { get; } = new("--smoothing")
    {
        Description = "Pseudo-count added to every estimated count (default: 0 for dawid-skene, crowd-kit's algorithm; 0.01 for one-coin and mace).",
    };

    public Option<bool> UniformPriors { get; } = new("--uniform-priors") { Description = "Keep class priors uniform instead of estimating them." };

    public Option<int> Restarts { get; } = new("--restarts") { Description = "MACE: extra runs from random starts (best likelihood wins)." };

    public Option<int> Seed { get; } = CommonOptions.Seed();

    public Option<bool> Json { get; } = CommonOptions.Json();

    public void AddTo(Command command)
    {
        Method.AcceptOnlyFromAmong([.. Methods.Keys]);
        Ties.AcceptOnlyFromAmong([.. TieBreaks.Keys]);
        command.Arguments.Add(Project);
        Layout.AddTo(command);
        Option[] all = [Method, GoldFile, Db, Gold, GoldItemColumn, GoldLabelColumn, ClampGold, Output, Ties, MaxIterations, Tolerance, Smoothing, UniformPriors, Restarts, Seed, Json];
        foreach (var option in all)
            command.Options.Add(option);
    }

    public ConsensusOptions ConsensusOptions(ParseResult parse, AnswerTable table, GoldLabels? gold)
    {
        var smoothing = parse.GetValue(Smoothing);
        var restarts = parse.GetValue(Restarts);
        var iterations = parse.GetValue(MaxIterations);
        if (smoothing is < 0 || double.IsNaN(smoothing ?? 0) || restarts < 0 || iterations < 1)
            throw new CliException("--smoothing and --restarts must be 0 or more, --max-iterations at least 1");
        if (parse.GetValue(Tolerance) is { } tolerance && double.IsNaN(tolerance))
            throw new CliException("--tolerance must be a number");
        return new ConsensusOptions
        {
            MaxIterations = iterations,
            Tolerance = parse.GetValue(Tolerance),
            Smoothing = smoothing,
            Seed = parse.GetValue(Seed),
            TieBreak = TieBreaks[parse.GetValue(Ties)!],
            RandomRestarts = restarts,
            ClassPriors = parse.GetValue(UniformPriors) ? Enumerable.Repeat(1.0, table.LabelNames.Length).ToArray() : null,
            Gold = parse.GetValue(ClampGold) ? gold?.Labels : null,
        };
    }
}
