using System.CommandLine;
using System.Diagnostics;
using Labelforge.Cli.Consensus;
using Labelforge.Cli.Output;
using Labelforge.Engine.Consensus;

namespace Labelforge.Cli.Commands;

/// <summary>
/// `labelforge consensus`: infer one label per item from several annotators' answers, in a file (`--input`) or in a
/// project (`PROJECT`: its current human labels, stored as consensus annotations).
/// </summary>
internal static class ConsensusCommand
{
    public static Command Create() => Create("consensus");

    /// <summary>The command under <paramref name="name"/> (the catalog builds hidden former names this way).</summary>
    public static Command Create(string name)
    {
        var options = new ConsensusCommandOptions();
        var command = new Command(name, "Consensus: infer one label per item from several annotators' answers (a file with --input, or a project's labels).");
        options.AddTo(command);
        command.SetHandler(async (parse, ct) =>
        {
            var project = parse.GetValue(options.Project);
            var input = parse.GetValue(options.Layout.Input);
            if ((project is null) == (input is null))
                throw new CliException("name a PROJECT (its current human labels) or an answers file with --input, not both");
            return project is null ? Execute(parse, options) : await ConsensusProject.ExecuteAsync(parse, options, project, ct);
        });
        return command;
    }

    private static int Execute(ParseResult parse, ConsensusCommandOptions o)
    {
        var table = o.Layout.ReadAnswers(parse);
        var goldPath = parse.GetValue(o.Gold);
        var gold = goldPath is null ? null
            : GoldCsvReader.Read(goldPath, table, o.Layout.ParseDelimiter(parse), parse.GetValue(o.GoldItemColumn)!, parse.GetValue(o.GoldLabelColumn));
        var settings = o.ConsensusOptions(parse, table, gold);
        var name = parse.GetValue(o.Method)!.ToLowerInvariant();
        var watch = Stopwatch.StartNew();
        var result = ConsensusInference.Run(ConsensusCommandOptions.Methods[name], table.Answers, settings);
        var seconds = watch.Elapsed.TotalSeconds;
        var outputPath = parse.GetValue(o.Output);
        if (outputPath is not null)
            LabelsCsvWriter.Write(outputPath, table, result);
        var summary = ConsensusSummary.From(name, table, result, seconds, gold, outputPath);
        var stdout = parse.InvocationConfiguration.Output;
        if (parse.GetValue(o.Json))
            CliJson.Write(stdout, summary);
        else
            stdout.WriteLine(summary.ToText());
        return 0;
    }
}
