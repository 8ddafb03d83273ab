using System.CommandLine;
using Labelforge.Cli.Commands;

namespace Labelforge.Cli;

/// <summary>The `labelforge` command tree; tests call <see cref="RunAsync"/> in-process.</summary>
public static class LabelforgeCli
{
    private const string Description = "Labelforge: the data labeling pipeline in one executable.";

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(Description);
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        return root;
    }

    /// <summary>
    /// The tree a run needs: when the first argument names a command, the root holds that command alone (its parsing,
    /// help and errors are the same), so a one-command process does not build the other seventeen; anything else
    /// (root help, --version, a typo that gets suggestions, directives) gets the whole tree. A former command name
    /// always takes this path, so it parses, helps and fails like the command it names.
    /// </summary>
    public static RootCommand BuildRoot(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || CommandCatalog.Create(args[0]) is not { } command)
            return BuildRoot();
        return new RootCommand(Description) { command };
    }

    /// <summary>Runs one command line with the given output and error writers.</summary>
    /// <param name="args">The arguments after `labelforge`.</param>
    /// <param name="stdout">Where the command's output goes.</param>
    /// <param name="stderr">Where errors and progress go.</param>
    /// <param name="stdin">Standard input for the command (null: the process's).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        Output.CliInput.Use(stdin);
        var root = BuildRoot(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await root.Parse(args).InvokeAsync(config);
    }
}
