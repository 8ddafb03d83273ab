using System.CommandLine;
using System.Globalization;
using Labelforge.Cli.Consensus;
using Labelforge.Cli.Output;
using Labelforge.Core.Agreement;
using Labelforge.Core.Annotations;
using Labelforge.Core.Projects;
using Labelforge.Engine.Agreement;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge agreement`: how much annotators agree (percent, kappas, Krippendorff's alpha, Gwet's AC1).</summary>
internal static class AgreementCommand
{
    private static readonly Dictionary<string, AgreementMetric> Metrics = new(StringComparer.OrdinalIgnoreCase)
    {
        ["percent"] = AgreementMetric.Percent,
        ["cohen-kappa"] = AgreementMetric.CohenKappa,
        ["fleiss-kappa"] = AgreementMetric.FleissKappa,
        ["krippendorff-alpha"] = AgreementMetric.KrippendorffAlpha,
        ["gwet-ac1"] = AgreementMetric.GwetAc1,
    };

    public static Command Create()
    {
        var layout = new LayoutOptions();
        var metric = new Option<string>("--metric") { Description = "percent, cohen-kappa, fleiss-kappa, krippendorff-alpha or gwet-ac1 (needed with --input)." };
        metric.AcceptOnlyFromAmong([.. Metrics.Keys]);
        var level = new Option<string>("--level") { Description = "Krippendorff's alpha level: nominal, ordinal, interval or ratio.", DefaultValueFactory = _ => "nominal" };
        level.AcceptOnlyFromAmong("nominal", "ordinal", "interval", "ratio");
        var weights = new Option<string>("--weights") { Description = "Cohen's kappa weights for ordinal labels: none, linear or quadratic.", DefaultValueFactory = _ => "none" };
        weights.AcceptOnlyFromAmong("none", "linear", "quadratic");
        var bootstrap = new Option<int?>("--bootstrap") { Description = $"Bootstrap replicates (over items) for a 95% confidence interval; 0 for none (default: 0 with --input, {AgreementRequest.DefaultBootstrap} for a project)." };
        var by = new Option<string?>("--by") { Description = "A class-label project: also break agreement down by label (one-vs-rest), annotator (pairs), week, guideline-version or taxonomy-version." };
        by.AcceptOnlyFromAmong([.. AgreementRequest.Breakdowns.Keys]);
        var perLabel = new Option<bool>("--per-label") { Description = "Also report one-vs-rest agreement per label." };
        var pairwise = new Option<bool>("--pairwise") { Description = "Also report the annotator-by-annotator Cohen's kappa matrix." };
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var projectArgument = new Argument<string?>("PROJECT")
        {
            Description = "A project (name or id) instead of --input: a class-label project's kappa, alpha or AC1 over its annotators' current labels, a text-spans project's span F1, or an image-objects project's box F1 at IoU 0.5 and mean IoU.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var project = new Option<string?>("--project") { Description = "The same as the PROJECT argument (kept for scripts).", Hidden = true };
        var db = CommonOptions.Db();
        var command = new Command("agreement", "Measure inter-annotator agreement on an answers file (--input), or between the annotators of a project.") { projectArgument };
        layout.AddTo(command);
        // One of --input (an answers file) and --project is needed; the handler says which is missing.
        layout.Input.Required = false;
        foreach (var option in new Option[] { metric, level, weights, bootstrap, by, perLabel, pairwise, seed, json, project, db })
            command.Options.Add(option);
        command.SetHandler(async (parse, ct) =>
        {
            if ((parse.GetValue(projectArgument) ?? parse.GetValue(project)) is { } projectName)
            {
                if (parse.GetValue(layout.Input) is not null)
                    throw new CliException("give either a PROJECT or --input (an answers file), not both");
                await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
                var p = await store.ProjectAsync(projectName, ct);
                if (TaskTypes.ValueKind(p.TaskType) == AnnotationValueKind.Objects)
                {
                    var boxes = await store.Get<ObjectAgreementOperations>().ComputeAsync(p.Id, ct);
                    CliJson.Report(parse, json, boxes, BoxAgreementText(boxes));
                    return 0;
                }
                if (TaskTypes.ValueKind(p.TaskType) == AnnotationValueKind.Spans)
                {
                    var report = await store.Get<SpanAgreementOperations>().ComputeAsync(p.Id, ct);
                    CliJson.Report(parse, json, report, SpanAgreementText(report));
                    return 0;
                }
                var request = ProjectRequest(parse.GetValue(metric), parse.GetValue(by), parse.GetValue(bootstrap), parse.GetValue(seed));
                var agreement = await store.Get<AgreementOperations>().ComputeAsync(p.Id, request, ct);
                CliJson.Report(parse, json, agreement, ProjectAgreementText.Of(agreement));
                return 0;
            }
            if (parse.GetValue(layout.Input) is null || parse.GetValue(metric) is null)
                throw new CliException("give --input (an answers file) with --metric, or --project for a text-spans or image-objects project");
            var table = layout.ReadAnswers(parse);
            var name = parse.GetValue(metric)!.ToLowerInvariant();
            var options = new AgreementOptions
            {
                Level = Enum.Parse<AgreementLevel>(parse.GetValue(level)!, ignoreCase: true),
                Weighting = Enum.Parse<KappaWeighting>(parse.GetValue(weights)!, ignoreCase: true),
                LabelValues = table.LabelValues,
            };
            if (parse.GetValue(by) is not null)
                throw new CliException("--by breaks down a project's agreement; with --input use --per-label or --pairwise");
            var replicates = (parse.GetValue(bootstrap) ?? 0) is var r && r >= 0 ? r : throw new CliException("--bootstrap must be 0 or more");
            Validate(Metrics[name], options, table);
            var summary = AgreementSummary.Compute(name, Metrics[name], options, table, replicates,
                parse.GetValue(seed), parse.GetValue(perLabel), parse.GetValue(pairwise));
            Write(parse, summary, parse.GetValue(json));
            return 0;
        });
        return command;
    }

    private static AgreementRequest ProjectRequest(string? metric, string? by, int? bootstrap, int seed)
    {
        var name = metric ?? "krippendorff-alpha";
        if (!AgreementRequest.Metrics.TryGetValue(name, out var m))
            throw new CliException($"--metric {name} measures an answers file only; a project's agreement is {string.Join(", ", AgreementRequest.Metrics.Keys)}");
        var replicates = bootstrap ?? AgreementRequest.DefaultBootstrap;
        if (replicates < 0)
            throw new CliException("--bootstrap must be 0 or more");
        return new AgreementRequest(m, by is null ? null : AgreementRequest.Breakdowns[by], replicates, seed);
    }

    private static string SpanAgreementText(SpanAgreementReport report)
    {
        static string F1(double? f1) => f1 is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "-";
        var lines = new List<string>
        {
            $"span agreement: {report.Annotators.Count} annotators, {report.Items} items with two or more, {report.ComparedPairs} annotator pairs compared",
            $"{"label",-24} {"spans",7} {"exact F1",9} {"partial F1",11}",
        };
        foreach (var row in report.PerLabel.Append(report.Overall))
            lines.Add($"{row.Label ?? "(all labels)",-24} {row.Spans,7} {F1(row.ExactF1),9} {F1(row.PartialF1),11}");
        return string.Join(Environment.NewLine, lines);
    }

    private static string BoxAgreementText(ObjectAgreementReport report)
    {
        static string F(double? v) => v is { } x ? x.ToString("F3", CultureInfo.InvariantCulture) : "-";
        var lines = new List<string>
        {
            $"box agreement: {report.Annotators.Count} annotators, {report.Items} images with two or more, {report.ComparedPairs} annotator pairs compared"
                + (report.Polygons > 0 ? $", {report.Polygons} polygons among the objects" : ""),
            $"{"label",-24} {"boxes",7} {"matches",8} {"F1@0.5",7} {"mean IoU",9}",
        };
        foreach (var row in report.PerLabel.Append(report.Overall))
            lines.Add($"{row.Label ?? "(all labels)",-24} {row.Boxes,7} {row.Matches,8} {F(row.F1),7} {F(row.MeanIoU),9}");
        foreach (var pair in report.Pairs)
            lines.Add($"{pair.A} vs {pair.B}: {pair.Items} images, F1@0.5 {F(pair.F1)}, mean IoU {F(pair.MeanIoU)}");
        return string.Join(Environment.NewLine, lines);
    }

    private static void Write(ParseResult parse, AgreementSummary summary, bool json)
    {
        var stdout = parse.InvocationConfiguration.Output;
        if (json)
            CliJson.Write(stdout, summary);
        else
            stdout.WriteLine(summary.ToText());
    }

    private static void Validate(AgreementMetric metric, AgreementOptions options, AnswerTable table)
    {
        if (metric == AgreementMetric.CohenKappa && table.AnnotatorNames.Length != 2)
        {
            throw new CliException(
                $"{table.Path}: cohen-kappa compares exactly two annotators, but the file has {table.AnnotatorNames.Length} " +
                $"({string.Join(", ", table.AnnotatorNames.Take(5))}{(table.AnnotatorNames.Length > 5 ? ", ..." : "")}); " +
                "use fleiss-kappa, krippendorff-alpha or gwet-ac1 for more, or --pairwise for every pair");
        }
        var needsNumbers = (metric == AgreementMetric.KrippendorffAlpha && options.Level != AgreementLevel.Nominal)
            || (metric == AgreementMetric.CohenKappa && options.Weighting != KappaWeighting.None);
        if (!needsNumbers || table.LabelValues is not null)
            return;
        var what = metric == AgreementMetric.KrippendorffAlpha ? $"--level {options.Level.ToString().ToLowerInvariant()}" : "weighted kappa";
        for (var l = 0; l < table.LabelNames.Length; l++)
        {
            if (!double.TryParse(table.LabelNames[l], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            {
                throw new CliException(
                    $"{table.Path}: line {table.LabelFirstLines[l]}, field 'label': '{table.LabelNames[l]}' is not a number; " +
                    $"{what} needs numeric labels (or use --level nominal / unweighted kappa)");
            }
        }
    }
}
