using System.CommandLine;
using System.Diagnostics;
using Labelforge.Cli.Consensus;
using Labelforge.Cli.Output;
using Labelforge.Engine.Consensus;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge aggregate`: infer the true label of each item from several workers' answers.</summary>
internal static class AggregateCommand
{
    public static Command Create()
    {
        var options = new AggregateOptions();
        var command = new Command("aggregate", "Infer each item's true label from several workers' answers (consensus).");
        options.AddTo(command);
        command.SetHandler((parse, ct) => Task.FromResult(Execute(parse, options)));
        return command;
    }

    private static int Execute(ParseResult parse, AggregateOptions o)
    {
        var table = o.Layout.ReadAnswers(parse);
        var goldPath = parse.GetValue(o.Gold);
        var gold = goldPath is null ? null
            : GoldCsvReader.Read(goldPath, table, o.Layout.ParseDelimiter(parse), parse.GetValue(o.GoldItemColumn)!, parse.GetValue(o.GoldLabelColumn));
        var settings = o.ConsensusOptions(parse, table, gold);
        var name = parse.GetValue(o.Method)!.ToLowerInvariant();
        var watch = Stopwatch.StartNew();
        var result = ConsensusInference.Run(AggregateOptions.Methods[name], table.Answers, settings);
        var seconds = watch.Elapsed.TotalSeconds;
        var outputPath = parse.GetValue(o.Output);
        if (outputPath is not null)
            LabelsCsvWriter.Write(outputPath, table, result);
        var summary = AggregateSummary.From(name, table, result, seconds, gold, outputPath);
        var stdout = parse.InvocationConfiguration.Output;
        if (parse.GetValue(o.Json))
            CliJson.Write(stdout, summary);
        else
            stdout.WriteLine(summary.ToText());
        return 0;
    }
}
