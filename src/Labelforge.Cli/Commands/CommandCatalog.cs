using System.CommandLine;

namespace Labelforge.Cli.Commands;

/// <summary>Every top-level subcommand, in the order `labelforge --help` lists them, by name.</summary>
internal static class CommandCatalog
{
    // Name first, so a run of one command builds only that one (see LabelforgeCli.BuildRoot); CommandCatalogTests
    // checks each name against the command its factory builds.
    private static readonly (string Name, Func<Command> Create)[] Commands =
    [
        ("serve", ServeCommand.Create),
        ("project", ProjectCommand.Create),
        ("taxonomy", TaxonomyCommand.Create),
        ("import", ImportCommand.Create),
        ("export", ExportCommand.Create),
        ("about", VersionCommand.Create),
        ("aggregate", AggregateCommand.Create),
        ("agreement", AgreementCommand.Create),
        ("lf", LfCommand.Create),
        ("labelmodel", LabelModelCommand.Create),
        ("label-errors", LabelErrorsCommand.Create),
        ("al", AlCommand.Create),
        ("acceptance", AcceptanceCommand.Create),
        ("models", ModelsCommand.Create),
        ("train", TrainCommand.Create),
        ("predict", PredictCommand.Create),
        ("auto-accept", AutoAcceptCommand.Create),
        ("queue", QueueCommand.Create),
        ("user", UserCommand.Create),
        ("token", TokenCommand.Create),
    ];

    public static IEnumerable<Command> All() => Commands.Select(c => c.Create());

    /// <summary>The names, in catalog order.</summary>
    public static IEnumerable<string> Names => Commands.Select(c => c.Name);

    /// <summary>Builds the command called <paramref name="name"/>, or null when no command has that name.</summary>
    public static Command? Create(string name) =>
        Array.Find(Commands, c => c.Name == name) is { Create: { } create } ? create() : null;
}
