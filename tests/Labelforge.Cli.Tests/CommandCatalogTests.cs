using System.CommandLine;
using Labelforge.Cli.Commands;

namespace Labelforge.Cli.Tests;

public class CommandCatalogTests
{
    [Fact]
    public void Catalog_names_are_the_names_of_the_commands_they_build()
    {
        Assert.Equal(CommandCatalog.Names, LabelforgeCli.BuildRoot().Subcommands.Select(c => c.Name));
        foreach (var name in CommandCatalog.Names)
            Assert.Equal(name, CommandCatalog.Create(name)!.Name);
        Assert.Null(CommandCatalog.Create("no-such-command"));
    }

    [Theory]
    [InlineData("lf", "--help")]
    [InlineData("lf", "apply", "--help")]
    [InlineData("label-errors", "--nope")]
    [InlineData("lf")]
    [InlineData("lfx", "apply")]
    [InlineData("--help")]
    public async Task A_run_with_one_command_built_answers_as_the_whole_tree(params string[] args)
    {
        var (exit, stdout, stderr) = await CliRun.ExecAsync(args);
        using var fullOut = new StringWriter();
        using var fullErr = new StringWriter();
        var fullExit = await LabelforgeCli.BuildRoot().Parse(args).InvokeAsync(new InvocationConfiguration { Output = fullOut, Error = fullErr }, TestContext.Current.CancellationToken);
        Assert.Equal(fullExit, exit);
        Assert.Equal(fullOut.ToString(), stdout);
        Assert.Equal(fullErr.ToString(), stderr);
    }
}
