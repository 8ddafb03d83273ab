using Labelforge.Core.Annotations;
using Labelforge.Core.Import;

namespace Labelforge.Core.Tests.Import;

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
}
