using Labelforge.Core.Export;
using Labelforge.Core.Export.Writers;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Tests.Import;

namespace Labelforge.Core.Tests.Export.Writers;

public class CsvExportWriterTests
{
    [Fact]
    public async Task Fields_with_commas_quotes_and_newlines_are_quoted_per_rfc4180()
    {
        var text = await ExportSamples.WriteItemsAsync(ExportFormat.Csv, ExportSamples.Items);

        var lines = text.Split("\r\n");
        Assert.Equal("id,external_id,text,labels,annotations,data", lines[0]);
        Assert.StartsWith("1,a-1,plain text,spam,\"{\"\"alice\"\":{\"\"kind\"\":\"\"human\"\"", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,,\"comma, \"\"quote\"\" and\nnewline\",ham|ads,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_read_back_through_the_csv_importer()
    {
        using var temp = new ImportTestFiles.TempFolder();
        var path = temp.File("export.csv");
        await File.WriteAllTextAsync(path, await ExportSamples.WriteItemsAsync(ExportFormat.Csv, ExportSamples.Items), TestContext.Current.CancellationToken);

        var (records, errors) = await ImportTestFiles.ReadAllAsync(path, map: new ImportFieldMap("text", "external_id", "labels"));

        Assert.Empty(errors);
        Assert.Equal(ExportSamples.Items.Select(i => i.Text), records.Select(r => r.Text));
        Assert.Equal(ExportSamples.Items.Select(i => i.ExternalId), records.Select(r => r.ExternalId));
        Assert.Equal(["ham", "ads"], records[1].Annotations[0].Labels);
        Assert.Empty(records[2].Annotations);
        Assert.Contains("\"data\":\"{\\\"text\\\":\\\"plain text\\\"", records[0].Document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_write_one_row_each_with_empty_cells_for_nulls()
    {
        using var output = new MemoryStream();
        var rows = await ExportWriters.WriteEventsAsync(output, ExportFormat.Csv, ExportSamples.Events.ToAsyncEnumerable(), ExportOptions.Default, TestContext.Current.CancellationToken);

        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows);
        Assert.Equal(3, lines.Length);
        Assert.Equal("10,1,a-1,alice,human,spam,,,1,1500,2026-11-28T03:00:00.0000000Z,,9,accepted", lines[1]);
        Assert.Equal("11,1,a-1,model:bert,model,spam,0.91,\"{\"\"spam\"\":0.91,\"\"ham\"\":0.09}\",2,,2026-11-28T03:30:00.0000000Z,10,,", lines[2]);
    }
}
