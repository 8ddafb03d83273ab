using Labelforge.Core.Export;
using Labelforge.Core.Export.Writers;
using Parquet;
using Parquet.Schema;

namespace Labelforge.Core.Tests.Export.Writers;

public class ParquetExportWriterTests
{
    [Fact]
    public async Task Items_are_written_in_row_groups_and_read_back()
    {
        var ct = TestContext.Current.CancellationToken;
        using var output = new MemoryStream();
        var items = ExportSamples.Items.Concat(ExportSamples.Generate(20)).ToList();

        var rows = await ExportWriters.WriteItemsAsync(output, ExportFormat.Parquet, items.ToAsyncEnumerable(), new ExportOptions { ParquetRowGroupRows = 7 }, ct);

        Assert.Equal(23, rows);
        output.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(output, cancellationToken: ct);
        Assert.Equal(4, reader.RowGroupCount);
        Assert.Equal(["id", "external_id", "text", "labels", "annotations", "data"], reader.Schema.DataFields.Select(f => f.Name));
        var texts = await ReadStringsAsync(reader, "text", ct);
        var labels = await ReadStringsAsync(reader, "labels", ct);
        var externalIds = await ReadStringsAsync(reader, "external_id", ct);
        Assert.Equal(items.Select(i => i.Text), texts);
        Assert.Equal("ham|ads", labels[1]);
        Assert.Null(externalIds[1]);
        var ids = new List<long>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var buffer = new long[group.RowCount];
            await group.ReadAsync<long>((DataField)reader.Schema.DataFields[0], buffer.AsMemory(), null, ct);
            ids.AddRange(buffer);
        }
        Assert.Equal(items.Select(i => i.ItemId), ids);
    }

    [Fact]
    public async Task Non_seekable_outputs_get_a_complete_file()
    {
        var ct = TestContext.Current.CancellationToken;
        using var backing = new MemoryStream();
        await using (var forwardOnly = new ForwardOnlyStream(backing))
            await ExportWriters.WriteItemsAsync(forwardOnly, ExportFormat.Parquet, ExportSamples.Items.ToAsyncEnumerable(), ExportOptions.Default, ct);

        backing.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(backing, cancellationToken: ct);
        Assert.Equal(ExportSamples.Items.Select(i => i.Text), await ReadStringsAsync(reader, "text", ct));
    }

    [Fact]
    public async Task Events_read_back_with_nulls_and_timestamps()
    {
        var ct = TestContext.Current.CancellationToken;
        using var output = new MemoryStream();
        await ExportWriters.WriteEventsAsync(output, ExportFormat.Parquet, ExportSamples.Events.ToAsyncEnumerable(), ExportOptions.Default, ct);

        output.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(output, cancellationToken: ct);
        var group = reader.OpenRowGroupReader(0);
        var confidence = new double?[2];
        await group.ReadAsync<double>((DataField)reader.Schema.DataFields.Single(f => f.Name == "confidence"), confidence.AsMemory(), null, ct);
        var created = new DateTime[2];
        await group.ReadAsync<DateTime>((DataField)reader.Schema.DataFields.Single(f => f.Name == "created_at"), created.AsMemory(), null, ct);
        Assert.Equal([null, 0.91], confidence);
        Assert.Equal(new DateTime(2026, 11, 28, 3, 30, 0, DateTimeKind.Utc), created[1].ToUniversalTime());
        Assert.Equal(["alice", "model:bert"], await ReadStringsAsync(reader, "author", ct));
        Assert.Equal(["accepted", null], await ReadStringsAsync(reader, "suggestion_outcome", ct));
    }

    private static async Task<List<string?>> ReadStringsAsync(ParquetReader reader, string name, CancellationToken ct)
    {
        var field = reader.Schema.DataFields.Single(f => f.Name == name);
        var values = new List<string?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var buffer = new string?[group.RowCount];
            await group.ReadAsync(field, buffer.AsMemory(), null, ct);
            values.AddRange(buffer);
        }
        return values;
    }

    /// <summary>Like an HTTP response body: write-only, no seeking.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
