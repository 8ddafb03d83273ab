using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Annotations;
using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Core.LabelingFunctions.Spans;
using Labelforge.Core.Projects;

namespace Labelforge.Cli.Commands;

/// <summary>
/// `labelforge lf apply PROJECT --lfs LFS.yaml`: version the set, apply it, fit the label model, store its labels; on a
/// text-spans project the functions' spans are stored as suggestions instead (no label model).
/// </summary>
internal static class LabelingFunctionProjectApply
{
    public static async Task<int> RunAsync(ParseResult parse, string projectRef, string lfsPath, string setName, string model,
        Option<string> db, Option<bool> json, CancellationToken ct)
    {
        if (!File.Exists(lfsPath))
            throw new CliException($"labeling-function set '{lfsPath}' not found");
        var yaml = await File.ReadAllTextAsync(lfsPath, ct);
        await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
        var project = await store.ProjectAsync(projectRef, ct);
        if (TaskTypes.ValueKind(project.TaskType) == AnnotationValueKind.Spans)
            return await SpansAsync(parse, store, project, setName, yaml, lfsPath, json, ct);
        var result = await CliProgress.RunAsync(parse, "lf apply", _ =>
            store.Get<LabelingFunctionProjectOperations>().ApplyAsync(project.Id, setName, yaml, lfsPath,
                Path.GetDirectoryName(Path.GetFullPath(lfsPath))!, model, ct));
        var functions = result.Functions.Select((name, j) => new
        {
            name,
            coverage = Math.Round(result.Analysis.Functions[j].Coverage, 4),
            overlaps = Math.Round(result.Analysis.Functions[j].Overlaps, 4),
            conflicts = Math.Round(result.Analysis.Functions[j].Conflicts, 4),
            empirical_accuracy = result.Analysis.Functions[j].EmpiricalAccuracy,
            faults = result.Faults[j],
            first_fault = result.FirstFaults[j],
        });
        var summary = new
        {
            set = result.Set, version = result.Version, new_version = result.NewVersion, author = result.Author, model = result.Model,
            items = result.Items, new_items = result.NewItems, reused_functions = result.ReusedFunctions,
            coverage = Math.Round(result.Analysis.Coverage, 4), overlap = Math.Round(result.Analysis.Overlap, 4), conflict = Math.Round(result.Analysis.Conflict, 4),
            class_balance = result.ClassBalance, annotations = result.Annotations, functions, seconds = Math.Round(result.Seconds, 3),
        };
        var text = $"{result.Author}: {result.Items} items ({result.NewItems} new, {result.ReusedFunctions} functions re-used), coverage {result.Analysis.Coverage:P1}, " +
            $"{result.Annotations} programmatic annotations written ({result.Model}); faults: {result.Faults.Sum()}";
        CliJson.Report(parse, json, summary, text);
        return 0;
    }

    private static async Task<int> SpansAsync(ParseResult parse, CliStore store, Project project, string setName, string yaml, string lfsPath,
        Option<bool> json, CancellationToken ct)
    {
        var result = await CliProgress.RunAsync(parse, "lf apply", _ =>
            store.Get<SpanLabelingFunctionOperations>().ApplyAsync(project.Id, setName, yaml, lfsPath, Path.GetDirectoryName(Path.GetFullPath(lfsPath))!, ct));
        var summary = new
        {
            set = result.Set, version = result.Version, new_version = result.NewVersion, author = result.Author, items = result.Items,
            covered_items = result.CoveredItems, spans = result.Spans, annotations = result.Annotations,
            functions = result.Functions.Select(f => new { name = f.Name, kind = f.Kind, items = f.Items, spans = f.Spans, faults = f.Faults, first_fault = f.FirstFault }),
            seconds = Math.Round(result.Seconds, 3),
        };
        var text = $"{result.Author}: {result.Spans} spans on {result.CoveredItems} of {result.Items} items, {result.Annotations} span suggestions written; "
            + $"faults: {result.Functions.Sum(f => f.Faults)}";
        CliJson.Report(parse, json, summary, text);
        return 0;
    }
}
