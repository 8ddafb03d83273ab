using System.CommandLine;
using System.Diagnostics;
using Labelforge.Cli.Consensus;
using Labelforge.Cli.Output;
using Labelforge.Core.Consensus;
using Labelforge.Core.Projects;
using Labelforge.Engine.Consensus;

namespace Labelforge.Cli.Commands;

/// <summary>
/// `labelforge consensus`: infer one label per item from several annotators' answers, in a file (`--input`) or in a
/// project (`PROJECT`: its current human labels, stored as consensus annotations; in an image-objects project, the
/// annotators' boxes fused per image; in a text-spans project, consensus spans by majority or span-level Dawid–Skene).
/// </summary>
internal static class ConsensusCommand
{
    public static Command Create() => Create("consensus");

    /// <summary>The command under <paramref name="name"/> (the catalog builds hidden former names this way).</summary>
    public static Command Create(string name)
    {
        var options = new ConsensusCommandOptions();
        var command = new Command(name, "Consensus: infer one label per item from several annotators' answers (a file with --input, or a project's labels; boxes in an image-objects project).");
        options.AddTo(command);
        // The project may also be named with --project (the first spelling of the box consensus).
        var projectOption = new Option<string?>("--project") { Description = "The project (name or id), as the PROJECT argument.", Hidden = true };
        var minAnnotators = new Option<int>("--min-annotators") { Description = "Image-objects and text-spans projects: images (texts) need this many annotators' annotations.", DefaultValueFactory = _ => ObjectConsensusRequest.DefaultMinAnnotators };
        var minScore = new Option<double>("--min-score") { Description = "Image-objects projects: keep a fused box when at least this share of the annotators drew it.", DefaultValueFactory = _ => ObjectConsensusRequest.DefaultMinScore };
        foreach (var option in new Option[] { projectOption, minAnnotators, minScore })
            command.Options.Add(option);
        command.SetHandler(async (parse, ct) =>
        {
            var project = parse.GetValue(options.Project) ?? parse.GetValue(projectOption);
            var input = parse.GetValue(options.Layout.Input);
            if ((project is null) == (input is null))
                throw new CliException("name a PROJECT (its current human labels) or an answers file with --input, not both");
            if (project is null)
                return Execute(parse, RequireMethod(parse, options));
            await using var store = await CliStore.OpenAsync(parse.GetValue(options.Db)!, ct);
            var p = await store.ProjectAsync(project, ct);
            if (TaskTypes.ValueKind(p.TaskType) == Core.Annotations.AnnotationValueKind.Objects)
                return await ObjectsAsync(parse, options, store, p, parse.GetValue(minAnnotators), parse.GetValue(minScore), ct);
            if (TaskTypes.ValueKind(p.TaskType) == Core.Annotations.AnnotationValueKind.Spans)
                return await SpansAsync(parse, options, store, p, parse.GetValue(minAnnotators), ct);
            return await ConsensusProject.ExecuteAsync(parse, RequireMethod(parse, options), store, p, ct);
        });
        return command;
    }

    private static ConsensusCommandOptions RequireMethod(ParseResult parse, ConsensusCommandOptions o) =>
        parse.GetValue(o.Method) is null ? throw new CliException($"give --method ({string.Join(", ", ConsensusCommandOptions.Methods.Keys)})") : o;

    /// <summary>Box consensus: each image's annotators' boxes fused (weighted boxes fusion) and stored as consensus annotations.</summary>
    private static async Task<int> ObjectsAsync(ParseResult parse, ConsensusCommandOptions o, CliStore store, Project p, int minAnnotators, double minScore, CancellationToken ct)
    {
        var result = await store.Get<ObjectConsensusOperations>().RunAsync(p.Id, new ObjectConsensusRequest(minAnnotators, minScore), ct);
        CliJson.Report(parse, o.Json, result,
            $"box consensus {result.Author}: {result.Items} images, {result.Boxes} boxes ({result.EmptyItems} images with none)"
            + (result.Polygons > 0 ? $", {result.Polygons} polygons" : ""));
        return 0;
    }

    /// <summary>Span consensus: majority over identical spans (the default) or span-level Dawid–Skene, stored as consensus annotations.</summary>
    private static async Task<int> SpansAsync(ParseResult parse, ConsensusCommandOptions o, CliStore store, Project p, int minAnnotators, CancellationToken ct)
    {
        var request = new SpanConsensusRequest(parse.GetValue(o.Method) ?? SpanConsensusRequest.Majority, minAnnotators, parse.GetValue(o.Seed));
        var result = await store.Get<SpanConsensusOperations>().RunAsync(p.Id, request, ct);
        CliJson.Report(parse, o.Json, result,
            $"span consensus {result.Author}: {result.Items} items, {result.Spans} spans ({result.EmptyItems} items with none), {result.Annotators} annotators");
        return 0;
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
