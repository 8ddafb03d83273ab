using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Export;
using Labelforge.Core.Export.Writers;

namespace Labelforge.Cli.Commands;

/// <summary>
/// `labelforge export PROJECT --format F --output FILE [--history]`. Writes to a temporary file beside the
/// target and renames it at the end, so a failed export never leaves a half-written file behind.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var format = new Option<string>("--format") { Description = "jsonl, csv, parquet or label-studio; conll or spacy-jsonl (text-spans projects); coco, voc, yolo or label-studio (image-objects projects).", Required = true };
        var history = new Option<bool>("--history") { Description = "Every annotation event instead of current labels." };
        var output = new Option<string>("--output") { Description = "File to write (- for stdout); a folder for voc and yolo.", Required = true };
        var include = new Option<string?>("--include") { Description = "model: count models' suggestions (pre-labels) as item labels too; by default they are listed per author only." };
        var resolve = new Option<string?>("--resolve")
        {
            Description = "How an item's labels are decided: all (default: every author's current labels), latest (the latest given label), majority (most authors' label) or consensus (the latest consensus run's, else latest).",
        };
        var fromName = new Option<string?>("--ls-from-name") { Description = "Label Studio control name (from_name) of the results; kept for the project's later exports." };
        var toName = new Option<string?>("--ls-to-name") { Description = "Label Studio object name (to_name) of the results; kept for the project's later exports." };
        var unmasked = new Option<bool>("--unmasked") { Description = "Write texts as stored, personal data included; by default the project's masking applies (project pii)." };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("export", "Export a project's labels.") { project, format, history, output, include, resolve, fromName, toName, unmasked, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            var wire = parse.GetRequiredValue(format);
            if (!ExportFormats.TryParse(wire, out var parsed))
                throw new CliException($"unknown --format '{wire}'; use one of: {string.Join(", ", ExportFormats.WireNames)}");
            var target = parse.GetRequiredValue(output);
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var includeModel = parse.GetValue(include) switch
            {
                null => false,
                "model" => true,
                var other => throw new CliException($"unknown --include '{other}'; the one value is: model"),
            };
            if (parse.GetValue(fromName) is not null || parse.GetValue(toName) is not null)
                await LabelStudioControlSettings.SetAsync(store.Db, p.Id, parse.GetValue(fromName), parse.GetValue(toName), ct);
            // Whoever can open the database file administers it, so the CLI may export unmasked when asked.
            var request = new ExportRequest(p.Id, parsed, parse.GetValue(history), includeModel, Resolve: ExportResolves.Parse(parse.GetValue(resolve)))
            {
                Unmasked = parse.GetValue(unmasked),
            };
            var clock = System.Diagnostics.Stopwatch.StartNew();
            long rows;
            if (parsed.IsFolder())
            {
                if (target == "-" || File.Exists(target))
                    throw new CliException($"{parsed.ToWire()} exports are a folder of files, one per image; give --output FOLDER");
                var folder = Path.GetFullPath(target);
                var files = await CliProgress.RunAsync(parse, "export", _ => store.Get<ExportOperations>().WriteFolderAsync(request, folder, ct));
                CliJson.Report(parse, json, new { rows = files, format = parsed.ToWire(), history = false, output = folder, seconds = Math.Round(clock.Elapsed.TotalSeconds, 3) },
                    $"exported {files} annotation files to {folder} ({clock.Elapsed.TotalSeconds:F1} s)");
                return 0;
            }
            if (target == "-")
            {
                await using var stdout = Console.OpenStandardOutput();
                rows = await store.Get<ExportOperations>().WriteAsync(request, stdout, ct);
                return 0;
            }
            var full = Path.GetFullPath(target);
            var temp = full + ".partial";
            try
            {
                await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                    rows = await CliProgress.RunAsync(parse, "export", _ => store.Get<ExportOperations>().WriteAsync(request, file, ct));
                File.Move(temp, full, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }
            CliJson.Report(parse, json, new { rows, format = parsed.ToWire(), history = request.History, output = full, seconds = Math.Round(clock.Elapsed.TotalSeconds, 3) },
                $"exported {rows} {(request.History ? "events" : "items")} to {full} ({clock.Elapsed.TotalSeconds:F1} s)");
            return 0;
        });
        return command;
    }
}
