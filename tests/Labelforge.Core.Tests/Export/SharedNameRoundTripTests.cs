using System.Text;
using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Export;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Taxonomy;
using Labelforge.Core.Tests.Import;
using Labelforge.Core.Tests.Taxonomy;
using Labelforge.Tests;
using Parquet;

namespace Labelforge.Core.Tests.Export;

/// <summary>
/// A taxonomy with names shared under different parents (<see cref="SharedNameTaxonomy"/>) through label, export in
/// every format, import into a second database with the same tree and export again: the label fields are the same
/// bytes, bare names where they are unambiguous and escaped paths where they are shared.
/// </summary>
public class SharedNameRoundTripTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One item per label, then items carrying every "Other" and every "...Tech" together.</summary>
    private static readonly string[][] Labeled =
        [.. SharedNameTaxonomy.References.Select(r => new[] { r }), ["/Other", "Animals/Other", "/Plants/Other"], [@"Sci\/Tech", @"Animals/Sci\/Tech", "Tech"]];

    [Theory]
    [InlineData(ExportFormat.Jsonl, ImportFormat.Jsonl)]
    [InlineData(ExportFormat.Csv, ImportFormat.Csv)]
    [InlineData(ExportFormat.LabelStudio, ImportFormat.LabelStudio)]
    public async Task Label_fields_round_trip_byte_for_byte(ExportFormat export, ImportFormat import)
    {
        using var folder = new ImportTestFiles.TempFolder();
        var first = folder.File("first" + export.Extension());
        var second = folder.File("second" + export.Extension());
        await using (var source = await TestDb.CreateAsync())
            await WriteAsync(source, await LabeledProjectAsync(source), export, false, first);
        await using (var copy = await TestDb.CreateAsync())
        {
            var (project, _) = await SharedLabelNameTests.CreateAsync(copy, "copy");
            var map = import == ImportFormat.LabelStudio ? new ImportFieldMap() : new ImportFieldMap("text", "external_id", "labels");
            var report = await copy.Get<ImportOperations>().ImportAsync(project.Id, first, import,
                ImportReaders.ReadAsync(first, import, map, ImportReaderOptions.Default, Ct), new ImportOptions(), ct: Ct);
            Assert.Equal((0L, Labeled.Length, 0, 0), (report.ErrorCount, (int)report.Imported, report.LabelNotices.Count, report.CreatedLabels.Count));
            await WriteAsync(copy, project.Id, export, false, second);
        }

        var written = LabelFields(export, first);
        Assert.Equal(Labeled.Select(Expected(export)), written.Select(f => f.Parsed));
        Assert.Equal(written.Select(f => f.Raw), LabelFields(export, second).Select(f => f.Raw));
    }

    [Theory]
    [InlineData(ExportFormat.Jsonl, false)]
    [InlineData(ExportFormat.Csv, false)]
    [InlineData(ExportFormat.Parquet, false)]
    [InlineData(ExportFormat.Jsonl, true)]
    [InlineData(ExportFormat.Csv, true)]
    [InlineData(ExportFormat.Parquet, true)]
    public async Task Every_format_writes_references_that_read_back_as_the_labels(ExportFormat export, bool history)
    {
        using var folder = new ImportTestFiles.TempFolder();
        var file = folder.File("out" + export.Extension());
        await using var t = await TestDb.CreateAsync();
        var projectId = await LabeledProjectAsync(t);
        await WriteAsync(t, projectId, export, history, file);

        var cells = export == ExportFormat.Parquet ? await ParquetLabelsAsync(file) : LabelFields(export, file, history).Select(f => f.Parsed).ToList();
        Assert.Equal(Labeled.Select(Expected(export)), cells);
        var lookup = (await t.Get<TaxonomyOperations>().ResolverAsync(projectId, Ct)).Lookup;
        var byReference = SharedNameTaxonomy.References.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i);
        foreach (var reference in Labeled.SelectMany(l => l))
            Assert.Equal(byReference[reference], Array.IndexOf(SharedNameTaxonomy.References, lookup.ReferenceOf(lookup.Match(reference).Label!.Id)));
    }

    [Fact]
    public async Task Tsv_cells_and_json_values_read_escaped_paths()
    {
        using var folder = new ImportTestFiles.TempFolder();
        await using var t = await TestDb.CreateAsync();
        var (p, _) = await SharedLabelNameTests.CreateAsync(t);
        var tsv = folder.File("labels.tsv");
        await File.WriteAllLinesAsync(tsv, ["text\tlabel", .. Labeled.Select((names, i) => $"tsv {i}\t{LabelPath.Join(names, LabelPath.CellSeparator)}")], Ct);
        var json = folder.File("labels.json");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(Labeled.Select((names, i) => new { text = $"json {i}", labels = names })), Ct);

        foreach (var (file, format, field) in new[] { (tsv, ImportFormat.Tsv, "label"), (json, ImportFormat.Json, "labels") })
        {
            var report = await t.Get<ImportOperations>().ImportAsync(p.Id, file, format,
                ImportReaders.ReadAsync(file, format, new ImportFieldMap(LabelField: field), ImportReaderOptions.Default, Ct), new ImportOptions(), ct: Ct);
            Assert.Equal((0L, 0), (report.ErrorCount, report.LabelNotices.Count));
        }
        var byText = new Dictionary<string, IReadOnlyList<string>>();
        await foreach (var item in t.Get<ExportOperations>().ItemsAsync(p.Id, ct: Ct))
            byText[item.Text] = item.Labels;
        for (var i = 0; i < Labeled.Length; i++)
        {
            Assert.Equal(Labeled[i], byText[$"tsv {i}"]);
            Assert.Equal(Labeled[i], byText[$"json {i}"]);
        }
    }

    [Fact]
    public async Task A_shared_bare_name_in_a_file_is_a_row_error_with_file_line_field_and_the_paths()
    {
        using var folder = new ImportTestFiles.TempFolder();
        await using var t = await TestDb.CreateAsync();
        var (p, _) = await SharedLabelNameTests.CreateAsync(t);
        var csv = folder.File("bare.csv");
        await File.WriteAllTextAsync(csv, "text,topic\nfine,Animals/Other\nbare,World|other\n", Ct);
        var studio = folder.File("bare.json");
        await File.WriteAllTextAsync(studio, """[{"data": {"text": "ls"}, "annotations": [{"result": [{"type": "choices", "value": {"choices": ["Sci/Tech"]}}]}]}]""", Ct);

        var report = await t.Get<ImportOperations>().ImportAsync(p.Id, csv, ImportFormat.Csv,
            ImportReaders.ReadAsync(csv, ImportFormat.Csv, new ImportFieldMap(LabelField: "topic"), ImportReaderOptions.Default, Ct), new ImportOptions(CreateLabels: true), ct: Ct);
        Assert.Equal((1L, 1L), (report.Imported, report.ErrorCount));
        var error = report.Errors.Single();
        Assert.Equal((csv, 3L, "topic"), (error.File, error.Line, error.Field));
        Assert.StartsWith("label 'other' is ambiguous: it means 3 labels ('/Other', 'Animals/Other', '/Plants/Other'). Write the one you mean by its path", error.Message, StringComparison.Ordinal);
        Assert.Empty(report.CreatedLabels);

        var ls = await t.Get<ImportOperations>().ImportAsync(p.Id, studio, ImportFormat.LabelStudio,
            ImportReaders.ReadAsync(studio, ImportFormat.LabelStudio, new ImportFieldMap(), ImportReaderOptions.Default, Ct), new ImportOptions(), ct: Ct);
        Assert.Equal(1L, ls.ErrorCount);
        Assert.Contains(@"label 'Sci/Tech' is ambiguous: it means 3 labels ('Sci\/Tech', 'Animals/Sci\/Tech', 'Tech')", ls.Errors.Single().Message, StringComparison.Ordinal);
    }

    private static Func<string[], string> Expected(ExportFormat format) => format switch
    {
        ExportFormat.Csv or ExportFormat.Parquet => names => LabelPath.Join(names, LabelPath.CellSeparator),
        _ => names => string.Join('\u0001', names),
    };

    private static async Task<long> LabeledProjectAsync(TestDb t)
    {
        var (p, _) = await SharedLabelNameTests.CreateAsync(t);
        var items = await Seed.ItemsAsync(t, p.Id, Labeled.Length);
        var ann = t.Get<AnnotationOperations>();
        for (var i = 0; i < items.Length; i++)
            await ann.SubmitAsync(p.Id, new NewAnnotation(items[i], "alice", Labels: Labeled[i]), Ct);
        return p.Id;
    }

    private static async Task WriteAsync(TestDb t, long projectId, ExportFormat format, bool history, string file)
    {
        await using var output = File.Create(file);
        await t.Get<ExportOperations>().WriteAsync(new ExportRequest(projectId, format, history), output, Ct);
    }

    /// <summary>
    /// Per item (or event) the label field as written (<c>Raw</c>: JSON text of the array, or the CSV cell) and as
    /// read (<c>Parsed</c>: JSON strings joined by U+0001, or the cell).
    /// </summary>
    private static List<(string Raw, string Parsed)> LabelFields(ExportFormat format, string file, bool history = false)
    {
        if (format == ExportFormat.Csv)
            return [.. CsvRows(File.ReadAllText(file)).Skip(1).Select(r => (r[history ? 5 : 3], r[history ? 5 : 3]))];
        var arrays = format == ExportFormat.LabelStudio
            ? JsonDocument.Parse(File.ReadAllText(file)).RootElement.EnumerateArray()
                .Select(task => task.GetProperty("annotations")[0].GetProperty("result")[0].GetProperty("value").GetProperty("choices")).ToList()
            : File.ReadAllLines(file).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("labels")).ToList();
        return [.. arrays.Select(a => (a.GetRawText(), string.Join('\u0001', a.EnumerateArray().Select(e => e.GetString()))))];
    }

    private static async Task<List<string>> ParquetLabelsAsync(string file)
    {
        await using var stream = File.OpenRead(file);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: Ct);
        var group = reader.OpenRowGroupReader(0);
        var cells = new string?[group.RowCount];
        await group.ReadAsync(reader.Schema.DataFields.Single(f => f.Name == "labels"), cells.AsMemory(), null, Ct);
        return [.. cells.Select(c => c!)];
    }

    /// <summary>RFC 4180 rows: quoted fields with doubled quotes, CRLF or LF line ends.</summary>
    private static List<List<string>> CsvRows(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    field.Append(text[++i]);
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r')
                field.Append(c);
        }
        return rows;
    }
}
