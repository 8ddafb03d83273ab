using System.Runtime.InteropServices;
using System.Text.Json;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Engine.WeakSupervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>Stores a set's label matrix per item, and loads it back for analysis, fitting and the next incremental apply.</summary>
internal static class LabelingFunctionMatrixStore
{
    /// <summary>The stored matrix of a set, or null when it was never applied.</summary>
    public static async Task<LabelingFunctionStoredMatrix?> LoadAsync(LabelforgeDb db, long projectId, string setName, CancellationToken ct)
    {
        var state = await db.LabelingFunctionMatrixStates.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == projectId && s.SetName == setName, ct);
        if (state is null)
            return null;
        var names = JsonSerializer.Deserialize<string[]>(state.NamesJson) ?? [];
        var fingerprints = JsonSerializer.Deserialize<string[]>(state.FingerprintsJson) ?? [];
        var faults = state.FaultsJson is null ? new long[fingerprints.Length] : JsonSerializer.Deserialize<long[]>(state.FaultsJson) ?? [];
        var rows = await db.LabelingFunctionMatrixRows.AsNoTracking().Where(r => r.ProjectId == projectId && r.SetName == setName)
            .OrderBy(r => r.ItemId).Select(r => new { r.ItemId, r.Votes }).ToListAsync(ct);
        var m = fingerprints.Length;
        var cells = new short[rows.Count * m];
        var ids = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Votes.Length != m * sizeof(short))
                return null; // written under another column layout: treat as never applied, the next apply rebuilds it
            ids[i] = rows[i].ItemId;
            MemoryMarshal.Cast<byte, short>(rows[i].Votes).CopyTo(cells.AsSpan(i * m, m));
        }
        return new LabelingFunctionStoredMatrix(state.Version, names, fingerprints, faults, ids, new LabelMatrix(rows.Count, m, cells));
    }

    /// <summary>
    /// The stored matrix as the previous result of an incremental apply, when its items are exactly the first
    /// items of <paramref name="itemIds"/> (items only ever append); otherwise null, and everything is applied afresh.
    /// </summary>
    public static LabelingFunctionPreviousResult? AsPrevious(LabelingFunctionStoredMatrix? stored, IReadOnlyList<long> itemIds)
    {
        if (stored is null || stored.ItemIds.Count > itemIds.Count)
            return null;
        for (var i = 0; i < stored.ItemIds.Count; i++)
        {
            if (stored.ItemIds[i] != itemIds[i])
                return null;
        }
        return new LabelingFunctionPreviousResult(stored.Matrix, stored.Fingerprints);
    }

    /// <summary>
    /// Fault counts to keep: a re-used column adds this run's faults (on new items) to the ones stored for its
    /// fingerprint; a recomputed column has only this run's.
    /// </summary>
    public static long[] Faults(LabelingFunctionApplyResult result, LabelingFunctionStoredMatrix? stored, bool reused)
    {
        var faults = result.Faults.ToArray();
        if (stored is null || !reused)
            return faults;
        for (var j = 0; j < faults.Length; j++)
        {
            for (var p = 0; p < stored.Fingerprints.Count; p++)
            {
                if (stored.Fingerprints[p] == result.Fingerprints[j] && p < stored.Faults.Count)
                {
                    faults[j] += stored.Faults[p];
                    break;
                }
            }
        }
        return faults;
    }

    public static async Task SaveAsync(LabelforgeDb db, long projectId, string setName, int version, LabelingFunctionApplyResult result,
        IReadOnlyList<long> faults, IReadOnlyList<long> itemIds, DateTimeOffset now, CancellationToken ct)
    {
        await db.LabelingFunctionMatrixRows.Where(r => r.ProjectId == projectId && r.SetName == setName).ExecuteDeleteAsync(ct);
        await db.LabelingFunctionMatrixStates.Where(r => r.ProjectId == projectId && r.SetName == setName).ExecuteDeleteAsync(ct);
        var state = new LabelingFunctionMatrixState
        {
            ProjectId = projectId, SetName = setName, Version = version, UpdatedAt = now,
            NamesJson = JsonSerializer.Serialize(result.Names), FingerprintsJson = JsonSerializer.Serialize(result.Fingerprints),
            FaultsJson = JsonSerializer.Serialize(faults),
        };
        db.LabelingFunctionMatrixStates.Add(state);
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
