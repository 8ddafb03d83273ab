using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Answers;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Cli.Commands;

/// <summary>
/// `labelforge import PROJECT FILE`. Exit codes: 0 all rows good; 3 good rows kept but some rows bad
/// (listed on stderr and in --json); 1 nothing imported (file-level problem, or --strict with bad rows).
/// </summary>
internal static class ImportCommand
{
    public const int PartialExitCode = 3;

    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var file = new Argument<string>("FILE") { Description = "A .csv, .tsv, .jsonl, .json (array or Label Studio export) file, a folder of .txt files, or for image projects a folder of images, a COCO .json file, or a folder of VOC .xml or YOLO .txt files." };
        var format = new Option<string?>("--format") { Description = "csv, tsv, jsonl, json, txt-folder, label-studio, conll, spacy-jsonl, image-folder, coco, voc or yolo; default: from the file (in image projects a folder is image-folder, a .json file coco or label-studio)." };
        var textField = new Option<string?>("--text-field") { Description = "Field holding the text (default: text)." };
        var idField = new Option<string?>("--id-field") { Description = "Field holding the external id (default: none; dedupe by content)." };
        var labelField = new Option<string?>("--label-field") { Description = "Field holding pre-annotation labels (names or paths; in CSV/TSV several separated by |, with \\| and \\\\ for a | or \\ inside a name)." };
        var createLabels = new Option<bool>("--create-labels") { Description = "Add unknown labels to the taxonomy instead of reporting them." };
        var strict = new Option<bool>("--strict") { Description = "Write nothing if any row is bad." };
        var noHeader = new Option<bool>("--no-header") { Description = "CSV/TSV: the first row is data; pick columns with --text-column, --id-column, --label-column." };
        var textColumn = new Option<int?>("--text-column") { Description = "With --no-header: the text column's number (1 = first)." };
        var idColumn = new Option<int?>("--id-column") { Description = "With --no-header: the external id column's number." };
        var labelColumn = new Option<int?>("--label-column") { Description = "With --no-header: the label column's number." };
        var labelNames = new Option<string?>("--label-names") { Description = "Names of integer class ids, comma-separated (\\, for a comma inside a name): id i is the i-th name (\"World,Sports\": 0 = World, 1 = Sports)." };
        var authorField = new Option<string?>("--author-field") { Description = "CSV/TSV of answers from other tools, one row per (item, author, label): the field naming who answered. Each row becomes a human label by that author on the item with --id-field (created when new, which needs --text-field); the last row of an (item, author) wins." };
        var images = new ImageImportOptions();
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("import", "Import items (and optional labels) into a project.")
            { project, file, format, textField, idField, labelField, authorField, createLabels, strict, noHeader, textColumn, idColumn, labelColumn, labelNames, db, json };
        images.AddTo(command);
        command.SetHandler(async (parse, ct) =>
        {
            ImportFormat? parsed = null;
            if (parse.GetValue(format) is { } f)
                parsed = ImportFormats.TryParse(f, out var value) ? value : throw new CliException($"unknown --format '{f}'; use one of: {string.Join(", ", ImportFormats.WireNames)}");
            var path = parse.GetRequiredValue(file);
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            if (parse.GetValue(authorField) is { } author)
                return await AnswersAsync(parse, json, store, p.Id, path, author, parse.GetValue(idField), parse.GetValue(labelField), parse.GetValue(textField), parse.GetValue(createLabels), ct);
            var map = parse.GetValue(noHeader)
                ? new ImportFieldMap(Column(parse, textColumn) ?? ImportFieldMap.Column(1), Column(parse, idColumn), Column(parse, labelColumn)) { NoHeader = true }
                : FieldMap(parse, textField, idField, labelField, [textColumn, idColumn, labelColumn]);
            parsed = images.Resolve(parse, parsed, path, p);
            var entries = parsed == ImportFormat.ImageFolder
                ? images.Read(parse, path, parse.GetValue(db)!, ct)
                : parsed is { } f2 && ImageImportOptions.ReadsImages(f2, p)
                    ? images.ReadObjects(parse, f2, path, parse.GetValue(db)!, ct)
                    : ImportReaders.ReadAsync(path, parsed, map, ImportReaderOptions.Default, ct);
            var options = new ImportOptions(parse.GetValue(strict), parse.GetValue(createLabels), LabelNames: ImportOptions.ParseLabelNames(parse.GetValue(labelNames), "--label-names"));
            var report = await CliProgress.RunAsync(parse, "import", progress =>
                store.Get<ImportOperations>().ImportAsync(p.Id, path, parsed ?? ImportReaders.Detect(path) ?? ImportFormat.Csv, entries, options,
                    new Progress(progress), ct));
            return Finish(parse, json, report);
        });
        return command;
    }

    /// <summary>`import --author-field`: answers of several annotators (see <see cref="AnswersImportOperations"/>).</summary>
    private static async Task<int> AnswersAsync(ParseResult parse, Option<bool> json, CliStore store, long projectId, string path, string author,
        string? idField, string? labelField, string? textField, bool createLabels, CancellationToken ct)
    {
        if (idField is null || labelField is null)
            throw new CliException("--author-field imports answers: name the item's column with --id-field and the label's with --label-field");
        using var reader = CliInput.OpenText(path);
        var report = await store.Get<AnswersImportOperations>().ImportAsync(projectId, path, reader,
            new AnswersImportRequest(idField, labelField, author, textField, createLabels), ct);
        var error = parse.InvocationConfiguration.Error;
        foreach (var e in report.Errors)
            error.WriteLine($"{e.File}:{e.Line}: {(e.Field is null ? "" : e.Field + ": ")}{e.Message}");
        if (report.ErrorCount > report.Errors.Count)
            error.WriteLine($"... and {report.ErrorCount - report.Errors.Count} more errors");
        CliJson.Report(parse, json, new
        {
            rows = report.Rows, items_created = report.ItemsCreated, annotations = report.Annotations, authors = report.Authors,
            replaced = report.Replaced, error_count = report.ErrorCount,
            errors = report.Errors.Select(e => new { file = e.File, line = e.Line, field = e.Field, message = e.Message }),
            created_labels = report.CreatedLabels,
        }, $"imported {report.Annotations} labels by {report.Authors} annotators ({report.ItemsCreated} new items, {report.Replaced} rows replaced by a later row), {report.ErrorCount} bad rows");
        if (report.Annotations == 0 && report.ErrorCount > 0)
        {
            error.WriteLine("error: no rows could be imported");
            return 1;
        }
        return report.ErrorCount > 0 ? PartialExitCode : 0;
    }

    private static ImportFieldMap FieldMap(ParseResult parse, Option<string?> text, Option<string?> id, Option<string?> label, Option<int?>[] columns)
    {
        if (columns.FirstOrDefault(c => parse.GetValue(c) is not null) is { } given)
            throw new CliException($"{given.Name} numbers the columns of a file without a header row; add --no-header, or name the column with --{given.Name[2..^7]}-field");
        return new ImportFieldMap(parse.GetValue(text), parse.GetValue(id), parse.GetValue(label));
    }

    private static string? Column(ParseResult parse, Option<int?> option) => parse.GetValue(option) switch
    {
        null => null,
        < 1 => throw new CliException($"{option.Name} counts from 1 (the first column)"),
        var number => ImportFieldMap.Column(number.Value),
    };

    private static int Finish(ParseResult parse, Option<bool> json, ImportReport report)
    {
        var error = parse.InvocationConfiguration.Error;
        foreach (var e in report.Errors)
            error.WriteLine($"{e.File}:{e.Line}: {(e.Field is null ? "" : e.Field + ": ")}{e.Message}");
        if (report.ErrorCount > report.Errors.Count)
            error.WriteLine($"... and {report.ErrorCount - report.Errors.Count} more errors");
        foreach (var n in report.LabelNotices)
            error.WriteLine($"note: {n.Message} ({n.Rows} {(n.Rows == 1 ? "row" : "rows")})");
        var summary = new
        {
            imported = report.Imported,
            skipped_duplicates = report.SkippedDuplicates,
            rows = report.Rows,
            annotations = report.Annotations,
            error_count = report.ErrorCount,
            errors = report.Errors.Select(e => new { file = e.File, line = e.Line, field = e.Field, message = e.Message }),
            created_labels = report.CreatedLabels,
            label_notices = report.LabelNotices.Select(n => new { value = n.Value, label = n.Label, message = n.Message, rows = n.Rows }),
            ignored = report.Ignored,
            ignored_reasons = report.IgnoredReasons ?? [],
            rolled_back = report.RolledBack,
            batch_id = report.BatchId,
            seconds = Math.Round(report.Seconds, 3),
        };
        var text = report.RolledBack
            ? $"strict import rolled back: {report.ErrorCount} bad rows; nothing was written"
            : $"imported {report.Imported} items, skipped {report.SkippedDuplicates} duplicates, {report.ErrorCount} bad rows ({report.Seconds:F1} s)"
                + string.Concat((report.IgnoredReasons ?? []).Select(r => $"; {r}"));
        CliJson.Report(parse, json, summary, text);
        if (report.RolledBack || (report.Imported == 0 && report.SkippedDuplicates == 0 && report.ErrorCount > 0))
        {
            error.WriteLine(report.RolledBack ? "error: strict import found bad rows; the database is unchanged" : "error: no rows could be imported");
            return 1;
        }
        return report.ErrorCount > 0 ? PartialExitCode : 0;
    }

    private sealed class Progress(IProgress<string> inner) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) =>
            inner.Report($"{value.Rows:N0} rows, {value.Imported:N0} imported, {value.SkippedDuplicates:N0} duplicates, {value.Errors:N0} bad");
    }
}
