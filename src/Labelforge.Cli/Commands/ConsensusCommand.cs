using System.CommandLine;
using System.Diagnostics;
using Labelforge.Cli.Consensus;
using Labelforge.Cli.Output;
using Labelforge.Core.Consensus;
using Labelforge.Engine.Consensus;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge consensus`: infer one label per item from several annotators' answers.</summary>
internal static class ConsensusCommand
{
    public static Command Create() => Create("consensus");

    /// <summary>The command under <paramref name="name"/> (the catalog builds hidden former names this way).</summary>
    public static Command Create(string name)
    {
        var options = new ConsensusCommandOptions();
        var command = new Command(name, "Consensus: infer one label per item from several annotators' answers, or store consensus boxes of an image-objects project.");
        options.AddTo(command);
        var project = new Option<string?>("--project") { Description = "An image-objects project (name or id): fuse its annotators' boxes per image (weighted boxes fusion) and store them as consensus annotations, instead of --input." };
        var minAnnotators = new Option<int>("--min-annotators") { Description = "With --project: images need this many annotators' annotations.", DefaultValueFactory = _ => ObjectConsensusRequest.DefaultMinAnnotators };
        var minScore = new Option<double>("--min-score") { Description = "With --project: keep a fused box when at least this share of the annotators drew it.", DefaultValueFactory = _ => ObjectConsensusRequest.DefaultMinScore };
        var db = CommonOptions.Db();
        foreach (var option in new Option[] { project, minAnnotators, minScore, db })
            command.Options.Add(option);
        // One of --input (an answers file) and --project is needed; the handler says which is missing.
        options.Layout.Input.Required = false;
        command.SetHandler(async (parse, ct) =>
        {
            if (parse.GetValue(project) is not { } projectName)
            {
                if (parse.GetValue(options.Layout.Input) is null)
                    throw new CliException("give --input (an answers file), or --project for an image-objects project");
                return Execute(parse, options);
            }
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(projectName, ct);
            var result = await store.Get<ObjectConsensusOperations>().RunAsync(p.Id, new ObjectConsensusRequest(parse.GetValue(minAnnotators), parse.GetValue(minScore)), ct);
            CliJson.Report(parse, options.Json, result,
                $"box consensus {result.Author}: {result.Items} images, {result.Boxes} boxes ({result.EmptyItems} images with none)"
                + (result.PolygonsLeftOut > 0 ? $", {result.PolygonsLeftOut} polygons left out" : ""));
            return 0;
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
