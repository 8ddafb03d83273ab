using System.CommandLine;

namespace Labelforge.Cli.Commands;

/// <summary>
/// Every top-level subcommand, in the order `labelforge --help` lists them, by name; and the former spellings of
/// renamed commands, built as hidden commands under the old name (System.CommandLine shows every alias of a command in
/// help, so an old name that must keep working without being listed is a hidden command of its own).
/// </summary>
internal static class CommandCatalog
{
    // Name first, so a run of one command builds only that one (see LabelforgeCli.BuildRoot); CommandCatalogTests
    // checks each name against the command its factory builds.
    private static readonly (string Name, Func<Command> Create)[] Commands =
    [
        ("serve", ServeCommand.Create),
        ("project", ProjectCommand.Create),
        ("taxonomy", TaxonomyCommand.Create),
        ("guidelines", GuidelinesCommand.Create),
        ("import", ImportCommand.Create),
        ("export", ExportCommand.Create),
        ("about", VersionCommand.Create),
        ("consensus", ConsensusCommand.Create),
        ("agreement", AgreementCommand.Create),
        ("lf", LabelingFunctionCommand.Create),
        ("label-model", LabelModelCommand.Create),
        ("label-errors", LabelErrorsCommand.Create),
        ("al", ActiveLearningCommand.Create),
        ("acceptance", AcceptanceCommand.Create),
        ("annotators", AnnotatorsCommand.Create),
        ("adjudication", AdjudicationCommand.Create),
        ("models", ModelsCommand.Create),
        ("train", TrainCommand.Create),
        ("predict", PredictCommand.Create),
        ("auto-accept", AutoAcceptCommand.Create),
        ("queue", QueueCommand.Create),
        ("gold", GoldCommand.Create),
        ("user", UserCommand.Create),
        ("token", TokenCommand.Create),
        ("erase", EraseCommand.Create),
        ("audit-log", AuditLogCommand.Create),
    ];

    // Old spellings still accepted (hidden from help and suggestions): old name, the command's current name, factory by name.
    private static readonly (string Name, string Current, Func<string, Command> Create)[] FormerNames =
    [
        ("aggregate", "consensus", ConsensusCommand.Create),
        ("labelmodel", "label-model", LabelModelCommand.Create),
        ("active-learning", "al", ActiveLearningCommand.Create),
    ];

    /// <summary>The listed commands, then the hidden former spellings.</summary>
    public static IEnumerable<Command> All() => Commands.Select(c => c.Create()).Concat(FormerNames.Select(Hidden));

    /// <summary>The names, in catalog order.</summary>
    public static IEnumerable<string> Names => Commands.Select(c => c.Name);

    /// <summary>Former spellings and the name each command has now.</summary>
    public static IEnumerable<(string Name, string Current)> Former => FormerNames.Select(f => (f.Name, f.Current));

    /// <summary>
    /// Builds the command called <paramref name="name"/> (a current or a former name), or null when none has it. A
    /// former name comes back visible: it is the only command of the root it runs under, and help prints nothing for a
    /// hidden command.
    /// </summary>
    public static Command? Create(string name) =>
        Array.Find(Commands, c => c.Name == name) is { Create: { } create } ? create()
        : Array.Find(FormerNames, f => f.Name == name) is { Create: { } former } ? former(name) : null;

    private static Command Hidden((string Name, string Current, Func<string, Command> Create) former)
    {
        var command = former.Create(former.Name);
        command.Hidden = true;
        return command;
    }
}
