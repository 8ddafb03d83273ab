using Labelforge.Core.Common;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Answers;
using Labelforge.Core.Import.Readers;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Labelforge.Server.Hosting.Security;

namespace Labelforge.Server.Features.Import;

/// <summary>
/// POST the file as the raw request body; it is spooled to a temporary file as it arrives (never buffered in memory),
/// then imported from there, so the database's write lock is held for the import's own time, not the upload's.
/// Answers the import report.
/// </summary>
public static class ImportEndpoints
{
    public static RouteGroupBuilder MapImport(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{projectId:long}/import", Import).WithTags("Import").DisableAntiforgery().RequireProject().RequireAuthorization(Policies.ProjectManager);
        return api;
    }

    // Typed, so the OpenAPI document (and the web client's generated types) describe the report.
    private static async Task<Ok<ImportReport>> Import(long projectId, HttpRequest request, ImportOperations ops, ServerOptions options, AnswersImportOperations answers,
        [FromQuery] string? format, [FromQuery] string? filename,
        [FromQuery(Name = "text_field")] string? textField, [FromQuery(Name = "id_field")] string? idField,
        [FromQuery(Name = "label_field")] string? labelField, [FromQuery(Name = "create_labels")] bool? createLabels,
        [FromQuery] bool? strict, [FromQuery(Name = "no_header")] bool? noHeader, [FromQuery(Name = "text_column")] int? textColumn,
        [FromQuery(Name = "id_column")] int? idColumn, [FromQuery(Name = "label_column")] int? labelColumn,
        [FromQuery(Name = "label_names")] string? labelNames, [FromQuery(Name = "author_field")] string? authorField, CancellationToken ct)
    {
        // Imports are the one body larger than the server's JSON cap; they stream, so memory stays flat.
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = options.MaxImportBytes;
        if (authorField is not null)
            return TypedResults.Ok(await AnswersAsync(projectId, request, answers, filename, idField, labelField, textField, authorField, createLabels ?? false, ct));
        ImportFormat? parsed = null;
        if (!string.IsNullOrEmpty(format))
        {
            if (!ImportFormats.TryParse(format, out var f))
                throw LabelforgeException.Invalid($"Unknown format '{format}'; use one of: {string.Join(", ", ImportFormats.WireNames)}.");
            parsed = f;
        }
        var source = string.IsNullOrWhiteSpace(filename) ? "upload" : Path.GetFileName(filename);
        if (parsed is null && ImportReaders.Detect(source) is null)
            throw LabelforgeException.Invalid("Give ?format= (csv, tsv, jsonl, json, label-studio, conll, spacy-jsonl) or a ?filename= with a known extension.");
        var map = noHeader == true
            ? new ImportFieldMap(Column(textColumn, "text_column") ?? ImportFieldMap.Column(1), Column(idColumn, "id_column"), Column(labelColumn, "label_column")) { NoHeader = true }
            : new ImportFieldMap(textField, idField, labelField);
        var names = ImportOptions.ParseLabelNames(labelNames, "label_names");
        await using var spool = await SpoolAsync(request, ct);
        var entries = ImportReaders.ReadAsync(spool, source, parsed, map, ImportReaderOptions.Default, ct);
        var report = await ops.ImportAsync(projectId, source, parsed ?? ImportReaders.Detect(source)!.Value, entries,
            new ImportOptions(strict ?? false, createLabels ?? false, LabelNames: names), ct: ct);
        return TypedResults.Ok(report);
    }

    /// <summary>
    /// `?author_field=`: a CSV/TSV of answers, one row per (item, author, label), each a human label by that author (the
    /// endpoint is for managers, who may write other people's labels this way). Answered as an import report: imported =
    /// items created, annotations = labels written. The file is read whole (answers files are small; the reader is synchronous).
    /// </summary>
    private static async Task<ImportReport> AnswersAsync(long projectId, HttpRequest request, AnswersImportOperations answers, string? filename,
        string? idField, string? labelField, string? textField, string authorField, bool createLabels, CancellationToken ct)
    {
        if (idField is null || labelField is null)
            throw LabelforgeException.Invalid("author_field imports answers: name the item's column with id_field and the label's with label_field.");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var spool = await SpoolAsync(request, ct);
        using var reader = new StreamReader(spool, System.Text.Encoding.UTF8);
        var source = string.IsNullOrWhiteSpace(filename) ? "upload.csv" : Path.GetFileName(filename);
        var r = await answers.ImportAsync(projectId, source, reader, new AnswersImportRequest(idField, labelField, authorField, textField, createLabels), ct);
        return new ImportReport(null, r.Rows, r.ItemsCreated, 0, r.Annotations, r.ErrorCount, r.Errors, r.CreatedLabels, false, started.Elapsed.TotalSeconds, [], 0, []);
    }

    /// <summary>
    /// The upload, spooled to a temporary file (deleted when closed) before an import starts: the import holds the
    /// database's write lock while it runs, and a slow client must not hold it for as long as its upload takes.
    /// </summary>
    private static async Task<FileStream> SpoolAsync(HttpRequest request, CancellationToken ct)
    {
        var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"labelforge-upload-{Guid.NewGuid():N}"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await request.Body.CopyToAsync(spool, 1 << 16, ct);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    /// <summary>A 1-based column number of a file without a header row, as the reader names it.</summary>
    private static string? Column(int? number, string name) => number switch
    {
        null => null,
        < 1 => throw LabelforgeException.Invalid($"{name} counts from 1 (the first column)."),
        _ => ImportFieldMap.Column(number.Value),
    };
}
