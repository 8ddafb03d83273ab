using Labelforge.Core.Annotations;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Import.Readers.LabelStudio;

namespace Labelforge.Core.Tests.Import.Readers.LabelStudio;

public class LabelStudioReaderTests
{
    [Fact]
    public void Json_files_holding_tasks_are_detected_as_label_studio()
    {
        Assert.Equal(ImportFormat.LabelStudio, ImportReaders.Detect(ImportTestFiles.Path("label-studio", "export.json")));
        Assert.Equal(ImportFormat.Json, ImportReaders.Detect(ImportTestFiles.Path("json", "valid.json")));
    }

    [Fact]
    public async Task Annotations_and_predictions_become_imported_annotations()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("label-studio", "export.json"));

        Assert.Empty(errors);
        Assert.Equal(["101", "102"], records.Select(r => r.ExternalId));
        Assert.Equal("""{"text":"Check out my channel!","video":"psy"}""", records[0].Document);
        var annotations = records[0].Annotations;
        Assert.Equal(["labelstudio:7", "labelstudio:ann@example.org", "model:bert-v2"], annotations.Select(a => a.Author));
        Assert.Equal([AnnotationKind.Import, AnnotationKind.Import, AnnotationKind.Model], annotations.Select(a => a.Kind));
        Assert.Equal(["spam", "ads"], annotations[1].Labels);
        Assert.Equal(0.87, annotations[2].Confidence);
        Assert.Empty(records[1].Annotations);
    }

    [Fact]
    public async Task Tasks_without_data_or_text_are_row_errors()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("label-studio", "bad-tasks.json"), ImportFormat.LabelStudio);

        Assert.Equal(["good", "also good"], records.Select(r => r.Text));
        Assert.Empty(records[1].Annotations);
        Assert.Equal([(3L, "data"), (4L, "text")], errors.Select(e => (e.Line, e.Field!)));
        Assert.Contains("fields are: body", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Annotations_keep_their_author_time_lead_time_ground_truth_and_control()
    {
        var path = ImportTestFiles.Path("label-studio", "roundtrip.json");
        Assert.Equal(ImportFormat.LabelStudio, ImportReaders.Detect(path));

        var (records, errors) = await ImportTestFiles.ReadAllAsync(path, map: new ImportFieldMap("review"));

        Assert.Empty(errors);
        var annotations = records[0].Annotations;
        Assert.Equal(["labelstudio:3", "labelstudio:4", "model:sentiment-v3"], annotations.Select(a => a.Author));
        Assert.Equal([AnnotationKind.Review, AnnotationKind.Import, AnnotationKind.Model], annotations.Select(a => a.Kind));
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 9, 15, 30, TimeSpan.Zero).AddTicks(1234560), annotations[0].CreatedAt);
        Assert.Equal([12345L, 4200L, null], annotations.Select(a => a.TimeSpentMs));
        Assert.All(annotations, a => Assert.Equal(new LabelStudioControl("sentiment", "review"), a.Control));
        Assert.Equal(["model:sentiment-v3", "model:sentiment-v4"], records[1].Annotations.Select(a => a.Author));
    }

    [Fact]
    public async Task Annotations_without_completed_by_stay_apart_by_their_id()
    {
        var (records, _) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("label-studio", "no-author.json"));

        Assert.Equal(["labelstudio:annotation-11", "labelstudio:annotation-12"], Assert.Single(records).Annotations.Select(a => a.Author));
    }

    [Theory]
    [InlineData("single-task.json", 1)]
    [InlineData("data-only.json", 2)]
    public async Task A_single_task_object_and_tasks_without_annotations_are_detected_and_read(string file, int tasks)
    {
        var path = ImportTestFiles.Path("label-studio", file);
        Assert.Equal(ImportFormat.LabelStudio, ImportReaders.Detect(path));

        var (records, errors) = await ImportTestFiles.ReadAllAsync(path);

        Assert.Empty(errors);
        Assert.Equal(tasks, records.Count);
        if (tasks == 1)
            Assert.Equal(["spam"], Assert.Single(records[0].Annotations).Labels);
    }

    [Fact]
    public async Task Tasks_without_a_data_wrapper_are_their_own_data()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("label-studio", "plain-tasks.json"), ImportFormat.LabelStudio);

        Assert.Empty(errors);
        Assert.Equal(["A task with no data wrapper.", "Another one."], records.Select(r => r.Text));
        Assert.Equal("""{"text":"Another one.","source":"mail"}""", records[1].Document);
    }
}
