using System.CommandLine;

namespace Labelforge.Cli.Commands;

/// <summary>Every top-level subcommand, in the order `labelforge --help` lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return LabelErrorsCommand.Create();
        yield return AlCommand.Create();
    }
}
