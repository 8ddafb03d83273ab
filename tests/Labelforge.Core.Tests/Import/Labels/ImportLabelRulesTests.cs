using Labelforge.Core.Common;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Import.Labels;

/// <summary>Imported labels are never dropped or invented: single-label rows, Prodigy answers and class ids, on real files.</summary>
public class ImportLabelRulesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ImportReport> ImportFileAsync(TestDb t, long projectId, string path, ImportFieldMap map, ImportOptions? options = null) =>
        t.Get<ImportOperations>().ImportAsync(projectId, path, ImportReaders.Detect(path)!.Value,
            ImportReaders.ReadAsync(path, null, map, ImportReaderOptions.Default, Ct), options ?? new ImportOptions(), ct: Ct);

    private static async Task<List<string[]>> LabelSetsAsync(TestDb t, long projectId)
    {
        var names = await t.Db.Labels.Where(l => l.ProjectId == projectId).ToDictionaryAsync(l => l.Id, l => l.Name, Ct);
        var rows = await t.Db.Annotations.Where(a => a.ProjectId == projectId).OrderBy(a => a.Id).Select(a => a.LabelIdsJson).ToListAsync(Ct);
        return rows.Select(json => JsonIds.Read(json).Select(id => names[id]).ToArray()).ToList();
    }

    [Fact]
    public async Task Two_labels_on_a_row_of_a_single_label_project_are_a_row_error_also_when_strict()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("reviews", false, "positive", "negative");
        var path = ImportTestFiles.Path("doccano", "classification.jsonl");
        var map = new ImportFieldMap(LabelField: "label");

        var strict = await ImportFileAsync(t, p.Id, path, map, new ImportOptions(Strict: true));
        Assert.True(strict.RolledBack);
        var report = await ImportFileAsync(t, p.Id, path, map);

        var error = Assert.Single(report.Errors);
        Assert.Equal((path, 2L, "label"), (error.File, error.Line, error.Field));
        Assert.Contains("2 labels ('positive', 'negative') on one row, but project 'reviews' is single-label", error.Message, StringComparison.Ordinal);
        Assert.Equal((3L, 2L), (report.Imported, report.Annotations));
    }

    [Fact]
    public async Task A_multi_label_project_keeps_both_labels()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("reviews", true, "positive", "negative");

        var report = await ImportFileAsync(t, p.Id, ImportTestFiles.Path("doccano", "classification.jsonl"), new ImportFieldMap(LabelField: "label"));

        Assert.Equal((0L, 4L), (report.ErrorCount, report.Imported));
        Assert.Equal([["positive"], ["positive", "negative"], ["negative"]], await LabelSetsAsync(t, p.Id));
    }

    [Fact]
    public async Task Prodigy_rejects_are_the_other_class_of_a_binary_project_and_ignores_are_counted()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("insults", false, "INSULT", "NOT_INSULT");

        var report = await ImportFileAsync(t, p.Id, ImportTestFiles.Path("prodigy", "insult.jsonl"), new ImportFieldMap(LabelField: "label"));

        Assert.Equal((6L, 4L, 0L, 2L), (report.Rows, report.Imported, report.ErrorCount, report.Ignored));
        Assert.Equal("2 rows with Prodigy answer \"ignore\" were skipped (the annotator made no decision)", Assert.Single(report.IgnoredReasons!));
        Assert.Equal([["INSULT"], ["NOT_INSULT"], ["INSULT"], ["NOT_INSULT"]], await LabelSetsAsync(t, p.Id));
    }

    [Fact]
    public async Task Prodigy_rejects_in_a_multi_label_project_are_the_labels_absence()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("insults", true, "INSULT", "THREAT");

        await ImportFileAsync(t, p.Id, ImportTestFiles.Path("prodigy", "insult.jsonl"), new ImportFieldMap(LabelField: "label"));

        Assert.Equal([["INSULT"], [], ["INSULT"], []], await LabelSetsAsync(t, p.Id));
    }

    [Fact]
    public async Task A_reject_that_does_not_say_which_label_applies_is_a_row_error()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("tone", false, "INSULT", "PRAISE", "NEUTRAL");

        var report = await ImportFileAsync(t, p.Id, ImportTestFiles.Path("prodigy", "insult.jsonl"), new ImportFieldMap(LabelField: "label"));

        Assert.Equal([2L, 5L], report.Errors.Select(e => e.Line));
        Assert.Contains("does not say which label applies", report.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Label_names_map_class_ids_and_reject_ids_out_of_range()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("news", false, "World", "Sports", "Business");

        var report = await ImportFileAsync(t, p.Id, ImportTestFiles.Path("jsonl", "class-ids.jsonl"), new ImportFieldMap(LabelField: "label"),
            new ImportOptions(LabelNames: ["World", "Sports", "Business"]));

        var error = Assert.Single(report.Errors);
        Assert.Equal(4L, error.Line);
        Assert.Contains("integer from 0 to 2", error.Message, StringComparison.Ordinal);
        Assert.Equal([["Business"], ["Sports"], ["World"]], await LabelSetsAsync(t, p.Id));
    }

    [Fact]
    public async Task Label_names_map_the_class_ids_of_a_tsv()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("films", false, "negative", "positive");

        var report = await ImportFileAsync(t, p.Id, ImportTestFiles.Path("tsv", "class-ids.tsv"), new ImportFieldMap("sentence", LabelField: "label"),
            new ImportOptions(LabelNames: ["negative", "positive"]));

        Assert.Equal(0L, report.ErrorCount);
        Assert.Equal([["negative"], ["positive"]], await LabelSetsAsync(t, p.Id));
    }

    [Fact]
    public async Task Two_label_studio_annotators_both_keep_their_annotation_and_the_controls_are_remembered()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("reviews", false, "Positive", "Negative");

        var report = await ImportFileAsync(t, p.Id, ImportTestFiles.Path("label-studio", "roundtrip.json"), new ImportFieldMap("review"));

        Assert.Equal(0L, report.ErrorCount);
        var annotations = await t.Db.Annotations.Where(a => a.ProjectId == p.Id).OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(["labelstudio:3", "labelstudio:4"], annotations.Where(a => a.Kind != "model").Select(a => a.Author));
        Assert.All(annotations, a => Assert.Null(a.SupersedesId));
        Assert.Equal(("review", 12345L), (annotations[0].Kind, annotations[0].TimeSpentMs));
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 10, 1, 2, 500, TimeSpan.Zero), annotations[1].CreatedAt);
        var project = await t.Db.Projects.AsNoTracking().SingleAsync(x => x.Id == p.Id, Ct);
        Assert.Equal(("sentiment", "review"), (project.LabelStudioFromName, project.LabelStudioToName));
    }

    [Fact]
    public async Task Control_names_are_remembered_when_the_import_creates_its_labels()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("reviews", false, "Unrelated");

        var report = await ImportFileAsync(t, p.Id, ImportTestFiles.Path("label-studio", "roundtrip.json"), new ImportFieldMap("review"),
            new ImportOptions(CreateLabels: true));

        Assert.Equal(["Positive", "Negative"], report.CreatedLabels);
        var project = await t.Db.Projects.AsNoTracking().SingleAsync(x => x.Id == p.Id, Ct);
        Assert.Equal(("sentiment", "review"), (project.LabelStudioFromName, project.LabelStudioToName));
    }
}
