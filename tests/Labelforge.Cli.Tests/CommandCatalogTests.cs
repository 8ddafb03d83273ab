using System.CommandLine;
using Labelforge.Cli.Commands;

namespace Labelforge.Cli.Tests;

public class CommandCatalogTests
{
    [Fact]
    public void Catalog_names_are_the_names_of_the_commands_they_build()
    {
        var root = LabelforgeCli.BuildRoot();
        Assert.Equal(CommandCatalog.Names, root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
        Assert.Equal(CommandCatalog.Former.Select(f => f.Name), root.Subcommands.Where(c => c.Hidden).Select(c => c.Name));
        foreach (var name in CommandCatalog.Names)
            Assert.Equal((name, false), (CommandCatalog.Create(name)!.Name, CommandCatalog.Create(name)!.Hidden));
        foreach (var (name, current) in CommandCatalog.Former)
        {
            Assert.Contains(current, CommandCatalog.Names);
            Assert.Equal(name, CommandCatalog.Create(name)!.Name);
        }
        Assert.Null(CommandCatalog.Create("no-such-command"));
    }

    [Fact]
    public async Task Help_lists_the_current_names_only()
    {
        var (exit, stdout, _) = await CliRun.ExecAsync("--help");
        Assert.Equal(0, exit);
        foreach (var name in new[] { "consensus", "label-model", "al", "label-errors", "queue" })
            Assert.Matches($@"(?m)^  {name}\b", stdout);
        foreach (var (former, _) in CommandCatalog.Former)
            Assert.DoesNotMatch($@"(?m)^  {former}\b", stdout);
        Assert.DoesNotContain("aggregate", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("labelmodel", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aggregate")]
    [InlineData("labelmodel", "fit")]
    [InlineData("active-learning", "simulate")]
    public async Task Former_spellings_still_run_their_command(params string[] args)
    {
        var (exit, stdout, stderr) = await CliRun.ExecAsync([.. args, "--help"]);
        Assert.True(exit == 0, stderr);
        // The usage line (consensus takes an optional PROJECT argument).
        Assert.Matches($@" {System.Text.RegularExpressions.Regex.Escape(string.Join(' ', args))} (\[<PROJECT>\] )?\[options\]", stdout);
    }

    [Theory]
    [InlineData("lf", "--help")]
    [InlineData("lf", "apply", "--help")]
    [InlineData("label-errors", "--nope")]
    [InlineData("lf")]
    [InlineData("lfx", "apply")]
    [InlineData("label-model", "fit", "--model", "oracle")]
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
