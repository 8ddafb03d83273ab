using System.Text.Json;
using Labelforge.Core.Export;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Tests.Import;

namespace Labelforge.Core.Tests.Export;

/// <summary>Model predictions are suggestions: an export gives them as the item's labels only when asked to.</summary>
public class ModelSuggestionExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Predictions_join_the_item_labels_only_with_include_model(bool includeModel)
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("reviews", false, "Positive", "Negative");
        var path = ImportTestFiles.Path("label-studio", "roundtrip.json");
        await t.Get<ImportOperations>().ImportAsync(p.Id, path, ImportFormat.LabelStudio,
            ImportReaders.ReadAsync(path, null, new ImportFieldMap("review"), ImportReaderOptions.Default, Ct), new ImportOptions(), ct: Ct);

        using var output = new MemoryStream();
        await t.Get<ExportOperations>().WriteAsync(new ExportRequest(p.Id, ExportFormat.Jsonl, false, includeModel), output, Ct);
        var rows = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();

        var labels = rows.Select(r => r.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray()).ToList();
        Assert.Equal(["Positive", "Negative"], labels[0]);
        Assert.Equal(includeModel ? ["Negative", "Positive"] : [], labels[1]);
        Assert.Equal(["model:sentiment-v3", "model:sentiment-v4"], rows[1].GetProperty("annotations").EnumerateObject().Select(a => a.Name));
    }
}
