using System.Runtime.InteropServices;
using System.Text.Json;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Engine.WeakSupervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>Stores a set's label matrix per item, and loads it back as the previous result of an incremental apply.</summary>
internal static class LfMatrixStore
{
    /// <summary>
    /// The stored matrix when its items are exactly the first items of <paramref name="itemIds"/> (items only
    /// ever append); otherwise null, and everything is applied afresh.
    /// </summary>
    public static async Task<LfPreviousResult?> LoadPreviousAsync(LabelforgeDb db, long projectId, string setName, IReadOnlyList<long> itemIds, CancellationToken ct)
    {
        var state = await db.LfMatrixStates.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == projectId && s.SetName == setName, ct);
        if (state is null)
            return null;
        var fingerprints = JsonSerializer.Deserialize<string[]>(state.FingerprintsJson) ?? [];
        var rows = await db.LfMatrixRows.AsNoTracking().Where(r => r.ProjectId == projectId && r.SetName == setName)
            .OrderBy(r => r.ItemId).Select(r => new { r.ItemId, r.Votes }).ToListAsync(ct);
        if (rows.Count > itemIds.Count)
            return null;
        var m = fingerprints.Length;
        var cells = new short[rows.Count * m];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].ItemId != itemIds[i] || rows[i].Votes.Length != m * sizeof(short))
                return null;
            MemoryMarshal.Cast<byte, short>(rows[i].Votes).CopyTo(cells.AsSpan(i * m, m));
        }
        return new LfPreviousResult(new LabelMatrix(rows.Count, m, cells), fingerprints);
    }

    public static async Task SaveAsync(LabelforgeDb db, long projectId, string setName, int version, LfApplyResult result,
        IReadOnlyList<long> itemIds, DateTimeOffset now, CancellationToken ct)
    {
        await db.LfMatrixRows.Where(r => r.ProjectId == projectId && r.SetName == setName).ExecuteDeleteAsync(ct);
        await db.LfMatrixStates.Where(r => r.ProjectId == projectId && r.SetName == setName).ExecuteDeleteAsync(ct);
        var state = new LfMatrixState
        {
            ProjectId = projectId, SetName = setName, Version = version, UpdatedAt = now,
            NamesJson = JsonSerializer.Serialize(result.Names), FingerprintsJson = JsonSerializer.Serialize(result.Fingerprints),
        };
        db.LfMatrixStates.Add(state);
        await db.SaveChangesAsync(ct);
        db.Entry(state).State = EntityState.Detached; // ExecuteDelete bypasses the tracker; the next apply must not find this instance
        using var insert = SqlCommands.Create(db.Database.GetDbConnection(),
            "INSERT INTO lf_matrix_rows (ProjectId, SetName, ItemId, Votes) VALUES (@project, @set, @item, @votes)", "@project", "@set", "@item", "@votes");
        insert.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        insert.Parameters["@project"].Value = projectId;
        insert.Parameters["@set"].Value = setName;
        for (var i = 0; i < result.Matrix.Rows; i++)
        {
            insert.Parameters["@item"].Value = itemIds[i];
            insert.Parameters["@votes"].Value = MemoryMarshal.AsBytes(result.Matrix.Row(i)).ToArray();
            insert.ExecuteNonQuery();
        }
    }
}
