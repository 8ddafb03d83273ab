using System.CommandLine;

namespace Labelforge.Cli.Commands;

/// <summary>Every top-level subcommand, in the order `labelforge --help` lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return ServeCommand.Create();
        yield return ProjectCommand.Create();
        yield return TaxonomyCommand.Create();
        yield return ImportCommand.Create();
        yield return ExportCommand.Create();
        yield return VersionCommand.Create();
        yield return AggregateCommand.Create();
        yield return AgreementCommand.Create();
        yield return LfCommand.Create();
        yield return LabelModelCommand.Create();
        yield return LabelErrorsCommand.Create();
        yield return AlCommand.Create();
        yield return AcceptanceCommand.Create();
        yield return ModelsCommand.Create();
        yield return TrainCommand.Create();
        yield return PredictCommand.Create();
        yield return AutoAcceptCommand.Create();
        yield return QueueCommand.Create();
    }
}
