using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Export;
using Labelforge.Core.Export.Writers;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Tests.Import;

namespace Labelforge.Core.Tests.Export.Writers;

public class LabelStudioExportWriterTests
{
    [Fact]
    public async Task Tasks_have_data_with_text_annotations_and_predictions()
    {
        var text = await ExportSamples.WriteItemsAsync(ExportFormat.LabelStudio, ExportSamples.Items);

        using var document = JsonDocument.Parse(text);
        var tasks = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, tasks.Count);
        Assert.Equal("web", tasks[0].GetProperty("data").GetProperty("source").GetString());
        Assert.Equal("café ☕ unlabeled", tasks[2].GetProperty("data").GetProperty("text").GetString());
        Assert.Equal(3, tasks[2].GetProperty("data").GetProperty("n").GetInt32());
        var prediction = Assert.Single(tasks[0].GetProperty("predictions").EnumerateArray());
        Assert.Equal("bert", prediction.GetProperty("model_version").GetString());
        Assert.Equal(0.91, prediction.GetProperty("score").GetDouble());
        var choice = prediction.GetProperty("result")[0];
        Assert.Equal("choices", choice.GetProperty("type").GetString());
        Assert.Equal("spam", choice.GetProperty("value").GetProperty("choices")[0].GetString());
        Assert.Equal(7, tasks[1].GetProperty("annotations")[0].GetProperty("completed_by").GetInt32());
    }

    [Fact]
    public async Task Export_round_trips_through_the_label_studio_reader()
    {
        using var temp = new ImportTestFiles.TempFolder();
        var path = temp.File("export.json");
        await File.WriteAllTextAsync(path, await ExportSamples.WriteItemsAsync(ExportFormat.LabelStudio, ExportSamples.Items), TestContext.Current.CancellationToken);

        Assert.Equal(ImportFormat.LabelStudio, ImportReaders.Detect(path));
        var (records, errors) = await ImportTestFiles.ReadAllAsync(path);

        Assert.Empty(errors);
        Assert.Equal(ExportSamples.Items.Select(i => i.Text), records.Select(r => r.Text));
        Assert.Equal(ExportSamples.Items.Select(i => i.ExternalId), records.Select(r => r.ExternalId));
        for (var i = 0; i < records.Count; i++)
        {
            var expected = ExportSamples.Items[i].ByAuthor.Select(a => (a.Author, string.Join('|', a.Labels), a.Confidence));
            Assert.Equal(expected, records[i].Annotations.Select(a => (a.Author!, string.Join('|', a.Labels), a.Confidence)));
        }
        Assert.Equal([AnnotationKind.Import, AnnotationKind.Model], records[0].Annotations.Select(a => a.Kind));
        Assert.Equal(ExportSamples.Items[0].DataJson, records[0].Document);
    }

    [Fact]
    public async Task An_empty_export_is_an_empty_json_array()
    {
        var text = await ExportSamples.WriteItemsAsync(ExportFormat.LabelStudio, []);

        using var document = JsonDocument.Parse(text);
        Assert.Equal(0, document.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task History_is_refused_for_label_studio()
    {
        Assert.False(ExportFormat.LabelStudio.SupportsHistory());
        await Assert.ThrowsAsync<ArgumentException>(() => ExportWriters.WriteEventsAsync(
            Stream.Null, ExportFormat.LabelStudio, ExportSamples.Events.ToAsyncEnumerable(), ExportOptions.Default, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("jsonl", ExportFormat.Jsonl)]
    [InlineData("CSV", ExportFormat.Csv)]
    [InlineData("parquet", ExportFormat.Parquet)]
    [InlineData("label-studio", ExportFormat.LabelStudio)]
    public void Wire_names_parse(string wire, ExportFormat format)
    {
        Assert.True(ExportFormats.TryParse(wire, out var parsed));
        Assert.Equal(format, parsed);
        Assert.Equal(wire.ToLowerInvariant(), format.ToWire());
    }
}
