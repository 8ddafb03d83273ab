using Labelforge.Core.Common;
using Labelforge.Core.Data;

namespace Labelforge.Core.Export;

/// <summary>One export run: which project, which format, current labels or the full history.</summary>
public sealed record ExportRequest(long ProjectId, ExportFormat Format, bool History)
{
    /// <summary>Streams the export into <paramref name="output"/>; returns rows written.</summary>
    public Task<long> WriteAsync(LabelforgeDb db, TimeProvider time, Stream output, CancellationToken ct = default)
    {
        if (History && !Format.SupportsHistory())
            throw LabelforgeException.Invalid($"{Format.ToWire()} exports hold current labels only; use jsonl, csv or parquet with --history.");
        var ops = new ExportOperations(db, time);
        return History
            ? ExportWriters.WriteEventsAsync(output, Format, ops.EventsAsync(ProjectId, ct), ExportOptions.Default, ct)
            : ExportWriters.WriteItemRowsAsync(output, Format, ops.ItemRowsAsync(ProjectId, ct), ExportOptions.Default, ct);
    }
}
