using System.Text.Json;
using Labelforge.Core.Export;
using Labelforge.Core.Export.Writers;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Tests.Import;

namespace Labelforge.Core.Tests.Export.Writers;

public class JsonlExportWriterTests
{
    [Fact]
    public async Task Items_are_one_object_per_line_with_data_labels_and_authors()
    {
        var text = await ExportSamples.WriteItemsAsync(ExportFormat.Jsonl, ExportSamples.Items);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal(1, root.GetProperty("id").GetInt64());
        Assert.Equal("a-1", root.GetProperty("external_id").GetString());
        Assert.Equal("web", root.GetProperty("data").GetProperty("source").GetString());
        Assert.Equal("spam", root.GetProperty("labels")[0].GetString());
        Assert.Equal(0.91, root.GetProperty("annotations").GetProperty("model:bert").GetProperty("confidence").GetDouble());
        Assert.False(root.GetProperty("annotations").GetProperty("alice").TryGetProperty("confidence", out _));
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("external_id").ValueKind);
        Assert.Contains("café ☕", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_read_back_through_the_jsonl_importer()
    {
        using var temp = new ImportTestFiles.TempFolder();
        var path = temp.File("export.jsonl");
        await File.WriteAllTextAsync(path, await ExportSamples.WriteItemsAsync(ExportFormat.Jsonl, ExportSamples.Items), TestContext.Current.CancellationToken);

        var (records, errors) = await ImportTestFiles.ReadAllAsync(path, map: new ImportFieldMap("text", "external_id", "labels"));

        Assert.Empty(errors);
        Assert.Equal(ExportSamples.Items.Select(i => i.Text), records.Select(r => r.Text));
        Assert.Equal(ExportSamples.Items.Select(i => i.ExternalId), records.Select(r => r.ExternalId));
        Assert.Equal(["ham", "ads"], records[1].Annotations[0].Labels);
    }

    [Fact]
    public async Task Events_have_every_field_and_utc_times()
    {
        using var output = new MemoryStream();
        var rows = await ExportWriters.WriteEventsAsync(output, ExportFormat.Jsonl, ExportSamples.Events.ToAsyncEnumerable(), ExportOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal(2, rows);
        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var second = JsonDocument.Parse(lines[1]);
        var root = second.RootElement;
        Assert.Equal("2026-11-28T03:30:00Z", root.GetProperty("created_at").GetString());
        Assert.Equal(0.09, root.GetProperty("probabilities").GetProperty("ham").GetDouble());
        Assert.Equal(10, root.GetProperty("supersedes_id").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("time_spent_ms").ValueKind);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(1500, first.RootElement.GetProperty("time_spent_ms").GetInt64());
        Assert.Equal(JsonValueKind.Null, first.RootElement.GetProperty("probabilities").ValueKind);
        Assert.Equal(9, first.RootElement.GetProperty("suggestion_annotation_id").GetInt64());
        Assert.Equal("accepted", first.RootElement.GetProperty("suggestion_outcome").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("suggestion_outcome").ValueKind);
    }

    [Fact]
    public async Task Many_rows_flush_in_pieces_and_all_arrive()
    {
        var text = await ExportSamples.WriteItemsAsync(ExportFormat.Jsonl, ExportSamples.Generate(20_000), new ExportOptions { FlushBytes = 4096 });

        Assert.Equal(20_000, text.Count(c => c == '\n'));
    }
}
