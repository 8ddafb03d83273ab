using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Tests.Import;

/// <summary>The raw UCI YouTube spam CSVs: quoted fields with newlines and U+FEFF characters.</summary>
public class YouTubeSpamImportTests
{
    [Fact]
    public async Task All_five_raw_csvs_read_1956_comments_without_errors()
    {
        var folder = Path.Combine(TestPaths.Datasets, "youtube-spam", "uci-raw");
        var map = new ImportFieldMap("CONTENT", "COMMENT_ID", "CLASS");
        var records = new List<ImportRecord>();
        var errors = new List<ImportError>();

        foreach (var file in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var (fileRecords, fileErrors) = await ImportTestFiles.ReadAllAsync(file, map: map);
            records.AddRange(fileRecords);
            errors.AddRange(fileErrors);
        }

        Assert.Empty(errors);
        Assert.Equal(1956, records.Count);
        Assert.Equal(1005, records.Count(r => r.Annotations[0].Labels[0] == "1"));
        Assert.Contains(records, r => r.Text.Contains('\n', StringComparison.Ordinal));
        Assert.Contains(records, r => r.Text.Contains('\uFEFF', StringComparison.Ordinal));
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.ExternalId)));
    }
}
