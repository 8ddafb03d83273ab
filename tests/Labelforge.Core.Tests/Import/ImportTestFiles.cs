using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Tests.Import;

/// <summary>Paths to the files in TestData/Import and a helper that reads a source to the end.</summary>
internal static class ImportTestFiles
{
    public static string Path(string format, string name) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "Import", format, name);

    public static async Task<(List<ImportRecord> Records, List<ImportError> Errors)> ReadAllAsync(
        string path, ImportFormat? format = null, ImportFieldMap? map = null, ImportReaderOptions? options = null)
    {
        var records = new List<ImportRecord>();
        var errors = new List<ImportError>();
        await foreach (var entry in ImportReaders.ReadAsync(path, format, map ?? new ImportFieldMap(), options ?? ImportReaderOptions.Default, TestContext.Current.CancellationToken))
            Collect(entry, records, errors);
        return (records, errors);
    }

    public static async Task<(List<ImportRecord> Records, List<ImportError> Errors)> ReadStreamAsync(
        Stream stream, string name, ImportFormat? format = null, ImportFieldMap? map = null, ImportReaderOptions? options = null)
    {
        var records = new List<ImportRecord>();
        var errors = new List<ImportError>();
        await foreach (var entry in ImportReaders.ReadAsync(stream, name, format, map ?? new ImportFieldMap(), options ?? ImportReaderOptions.Default, TestContext.Current.CancellationToken))
            Collect(entry, records, errors);
        return (records, errors);
    }

    private static void Collect(ImportEntry entry, List<ImportRecord> records, List<ImportError> errors)
    {
        Assert.Equal(1, (entry.Record is null ? 0 : 1) + (entry.Error is null ? 0 : 1) + (entry.Ignored is null ? 0 : 1));
        if (entry.Ignored is not null)
            return;
        if (entry.Record is not null)
            records.Add(entry.Record);
        else
            errors.Add(entry.Error!);
    }

    /// <summary>A temporary folder deleted on dispose, for files generated at test time.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "labelforge-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
        }

        public string Root { get; }

        public string File(string name) => System.IO.Path.Combine(Root, name);

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
