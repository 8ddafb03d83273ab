using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Import;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Export;

/// <summary>
/// One export run: which project, which format, current labels or the full history. <see cref="IncludeModel"/>:
/// models' suggestions count as item labels (default: they are listed by author only). <see cref="Control"/>:
/// Label Studio control names for this export (default: the project's, see Project.LabelStudioFromName).
/// </summary>
public sealed record ExportRequest(long ProjectId, ExportFormat Format, bool History, bool IncludeModel = false, LabelStudioControl? Control = null)
{
    /// <summary>Streams the export into <paramref name="output"/>; returns rows written.</summary>
    public async Task<long> WriteAsync(LabelforgeDb db, TimeProvider time, Stream output, CancellationToken ct = default)
    {
        if (History && !Format.SupportsHistory())
            throw LabelforgeException.Invalid($"{Format.ToWire()} exports hold current labels only; use jsonl, csv or parquet with --history.");
        var ops = new ExportOperations(db, time);
        if (History)
            return await ExportWriters.WriteEventsAsync(output, Format, ops.EventsAsync(ProjectId, ct), ExportOptions.Default, ct);
        var control = Control ?? await ProjectControlAsync(db, ct);
        var options = ExportOptions.Default with
        {
            LabelStudioFromName = control.FromName,
            LabelStudioToName = control.ToName,
            LabelStudioAddTextKey = control == LabelStudioControl.Default,
        };
        using var items = await ops.OpenItemsAsync(ProjectId, IncludeModel, ct);
        return await ExportWriters.WriteStoredItemsAsync(output, Format, items, options, ct);
    }

    private async Task<LabelStudioControl> ProjectControlAsync(LabelforgeDb db, CancellationToken ct)
    {
        var names = await db.Projects.Where(p => p.Id == ProjectId)
            .Select(p => new { p.LabelStudioFromName, p.LabelStudioToName, p.TaskType }).FirstOrDefaultAsync(ct);
        if (names is { LabelStudioFromName: { } from, LabelStudioToName: { } to })
            return new LabelStudioControl(from, to);
        // An image item's document already has the "image" key the image template reads ($image).
        return names?.TaskType == Projects.TaskTypes.ImageClassification ? LabelStudioControl.DefaultImage : LabelStudioControl.Default;
    }
}
