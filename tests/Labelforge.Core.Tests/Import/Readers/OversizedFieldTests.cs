using Labelforge.Core.Import;

namespace Labelforge.Core.Tests.Import.Readers;

/// <summary>
/// Runs alone (no parallel tests), because it measures the process's allocations to show a 50 MB field is
/// skipped rather than held.
/// </summary>
[Collection(nameof(OversizedFieldTests))]
[CollectionDefinition(nameof(OversizedFieldTests), DisableParallelization = true)]
public class OversizedFieldTests
{
    [Fact]
    public async Task A_50_MB_field_is_an_error_on_its_line_and_later_rows_still_read()
    {
        using var temp = new ImportTestFiles.TempFolder();
        var path = temp.File("huge.csv");
        await using (var file = File.Create(path))
        {
            await file.WriteAsync("id,text\n1,before\n2,\"start"u8.ToArray(), TestContext.Current.CancellationToken);
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'x');
            chunk[100] = (byte)'\n';
            for (var i = 0; i < 50; i++)
                await file.WriteAsync(chunk, TestContext.Current.CancellationToken);
            await file.WriteAsync("\"\n3,after\n"u8.ToArray(), TestContext.Current.CancellationToken);
        }
        var before = GC.GetTotalAllocatedBytes();

        var (records, errors) = await ImportTestFiles.ReadAllAsync(path);

        Assert.Equal(["before", "after"], records.Select(r => r.Text));
        Assert.Equal(54, records[1].Line);
        var error = Assert.Single(errors);
        Assert.Equal((3L, "text"), (error.Line, error.Field));
        Assert.Contains("52,428,805 bytes, over the limit of 10,485,760", error.Message, StringComparison.Ordinal);
        var allocated = GC.GetTotalAllocatedBytes() - before;
        // Up to the 10 MiB limit is kept (the record buffer doubles to 16 MiB, about 32 MB allocated in all); the
        // 50 MB field itself, which as a string would take 100 MB, must not be.
        Assert.True(allocated < 40L * 1024 * 1024, $"the oversized field must not be buffered whole, but {allocated:N0} bytes were allocated");
    }
}
