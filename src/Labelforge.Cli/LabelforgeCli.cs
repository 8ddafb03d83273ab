using System.CommandLine;
using Labelforge.Cli.Commands;

namespace Labelforge.Cli;

/// <summary>The `labelforge` command tree; tests call <see cref="RunAsync"/> in-process.</summary>
public static class LabelforgeCli
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Labelforge: the data labeling pipeline in one executable.");
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot();
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await root.Parse(args).InvokeAsync(config);
    }
}
