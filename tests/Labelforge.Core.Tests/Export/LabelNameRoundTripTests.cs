using Labelforge.Core.Annotations;
using Labelforge.Core.Export;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Core.Tests.Import;
using Labelforge.Tests;
using Parquet;
using Parquet.Schema;

namespace Labelforge.Core.Tests.Export;

/// <summary>Awkward label names through label, export, re-import into a new project and export again, per format.</summary>
public class LabelNameRoundTripTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One item per name, then one item carrying the names that collide with cell and path syntax together.</summary>
    private static readonly string[][] Labeled =
        [.. AwkwardLabelNames.All.Select(n => new[] { n }), ["Sci/Tech", @"ends\", "pipe|line", @"\|", @"a/b|c,d\e"]];

    [Theory]
    [InlineData(ExportFormat.Jsonl, ImportFormat.Jsonl)]
    [InlineData(ExportFormat.Csv, ImportFormat.Csv)]
    [InlineData(ExportFormat.LabelStudio, ImportFormat.LabelStudio)]
    public async Task Labels_round_trip_byte_for_byte_and_create_labels_makes_the_same_names(ExportFormat export, ImportFormat import)
    {
        await using var t = await TestDb.CreateAsync();
        using var folder = new ImportTestFiles.TempFolder();
        var source = await LabeledProjectAsync(t);
        var file = folder.File("export" + export.Extension());
        await WriteAsync(t, source, export, file);

        var copy = await t.Get<ProjectOperations>().CreateAsync(new NewProject("copy", MultiLabel: true, Labels: []), Ct);
        var map = import == ImportFormat.LabelStudio ? new ImportFieldMap() : new ImportFieldMap("text", "external_id", "labels");
        var report = await t.Get<ImportOperations>().ImportAsync(copy.Id, file, import,
            ImportReaders.ReadAsync(file, import, map, ImportReaderOptions.Default, Ct), new ImportOptions(CreateLabels: true), ct: Ct);

        Assert.Equal((0L, Labeled.Length), (report.ErrorCount, (int)report.Imported));
        Assert.Empty(report.LabelNotices);
        Assert.Equal(AwkwardLabelNames.All.Order(StringComparer.Ordinal), report.CreatedLabels.Order(StringComparer.Ordinal));
        Assert.Equal(await LabelsByTextAsync(t, source), await LabelsByTextAsync(t, copy.Id));
    }

    [Fact]
    public async Task Parquet_cells_split_back_into_the_names()
    {
        await using var t = await TestDb.CreateAsync();
        using var folder = new ImportTestFiles.TempFolder();
        var source = await LabeledProjectAsync(t);
        var file = folder.File("export.parquet");
        await WriteAsync(t, source, ExportFormat.Parquet, file);

        await using var stream = File.OpenRead(file);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: Ct);
        var group = reader.OpenRowGroupReader(0);
        var cells = new string?[group.RowCount];
        await group.ReadAsync(reader.Schema.DataFields.Single(f => f.Name == "labels"), cells.AsMemory(), null, Ct);
        Assert.Equal(Labeled, cells.Select(c => LabelPath.Split(c!, LabelPath.CellSeparator).ToArray()));
    }

    [Fact]
    public async Task A_tsv_with_escaped_cells_imports_the_names()
    {
        await using var t = await TestDb.CreateAsync();
        using var folder = new ImportTestFiles.TempFolder();
        var p = await t.ProjectAsync("tsv", true, AwkwardLabelNames.All);
        var file = folder.File("labels.tsv");
        // A quote inside an unquoted field is literal, and no name starts with one, so the cells need no quoting.
        var rows = Labeled.Select((names, i) => $"text {i}\t{LabelPath.Join(names, LabelPath.CellSeparator)}");
        await File.WriteAllLinesAsync(file, ["text\tlabel", .. rows], Ct);

        var report = await t.Get<ImportOperations>().ImportAsync(p.Id, file, ImportFormat.Tsv,
            ImportReaders.ReadAsync(file, ImportFormat.Tsv, new ImportFieldMap(LabelField: "label"), ImportReaderOptions.Default, Ct), new ImportOptions(), ct: Ct);

        Assert.Equal(0L, report.ErrorCount);
        var byText = await LabelsByTextAsync(t, p.Id);
        Assert.Equal(Labeled.Select(n => string.Join('\u0001', n)), Enumerable.Range(0, Labeled.Length).Select(i => byText[$"text {i}"]));
    }

    [Fact]
    public async Task A_json_array_takes_each_string_as_one_name_without_escapes()
    {
        await using var t = await TestDb.CreateAsync();
        using var folder = new ImportTestFiles.TempFolder();
        var p = await t.ProjectAsync("json", true, AwkwardLabelNames.All);
        var file = folder.File("labels.json");
        await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(Labeled.Select((names, i) => new { text = $"text {i}", labels = names })), Ct);

        var report = await t.Get<ImportOperations>().ImportAsync(p.Id, file, ImportFormat.Json,
            ImportReaders.ReadAsync(file, ImportFormat.Json, new ImportFieldMap(LabelField: "labels"), ImportReaderOptions.Default, Ct), new ImportOptions(), ct: Ct);

        Assert.Equal((0L, 0), (report.ErrorCount, report.LabelNotices.Count));
        var byText = await LabelsByTextAsync(t, p.Id);
        Assert.Equal(Labeled.Select(n => string.Join('\u0001', n)), Enumerable.Range(0, Labeled.Length).Select(i => byText[$"text {i}"]));
    }

    [Fact]
    public async Task Values_with_outer_whitespace_or_another_case_are_reported()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("notes", false, "Sci/Tech", "Spam");
        var report = await Seed.ImportAsync(t, p.Id, new ImportOptions(CreateLabels: true),
            Seed.Row(1, "a", "1", "Sci/Tech "), Seed.Row(2, "b", "2", "Sci/Tech "), Seed.Row(3, "c", "3", "spam"), Seed.Row(4, "d", "4", " new label"),
            Seed.Row(5, "e", "5", @"sci\/tech"), Seed.Row(6, "f", "6", "Spam"));

        Assert.Equal((6L, 0L), (report.Imported, report.ErrorCount));
        Assert.Equal(["new label"], report.CreatedLabels);
        Assert.Equal(
            [
                ("Sci/Tech ", "Sci/Tech", 2L, "label 'Sci/Tech ' was read as 'Sci/Tech': whitespace around it was removed"),
                ("spam", "Spam", 1L, "label 'spam' was read as 'Spam': it matched ignoring case"),
                (" new label", "new label", 1L, "label ' new label' was read as 'new label': whitespace around it was removed"),
                (@"sci\/tech", @"Sci\/Tech", 1L, @"label 'sci\/tech' was read as 'Sci\/Tech': it matched ignoring case"),
            ],
            report.LabelNotices.Select(n => (n.Value, n.Label, n.Rows, n.Message)));
    }

    private static async Task<long> LabeledProjectAsync(TestDb t)
    {
        var p = await t.ProjectAsync("source", true, AwkwardLabelNames.All);
        var items = await Seed.ItemsAsync(t, p.Id, Labeled.Length);
        var ann = t.Get<AnnotationOperations>();
        for (var i = 0; i < items.Length; i++)
            await ann.SubmitAsync(p.Id, new NewAnnotation(items[i], "alice", Labels: Labeled[i]), Ct);
        return p.Id;
    }

    private static async Task WriteAsync(TestDb t, long projectId, ExportFormat format, string file)
    {
        await using var output = File.Create(file);
        await t.Get<ExportOperations>().WriteAsync(new ExportRequest(projectId, format, History: false), output, Ct);
    }

    /// <summary>Each item's current labels (names in order, joined by U+0001), keyed by text.</summary>
    private static async Task<Dictionary<string, string>> LabelsByTextAsync(TestDb t, long projectId)
    {
        var byText = new Dictionary<string, string>();
        await foreach (var item in t.Get<ExportOperations>().ItemsAsync(projectId, ct: Ct))
            byText[item.Text] = string.Join('\u0001', item.Labels);
        return byText;
    }
}
