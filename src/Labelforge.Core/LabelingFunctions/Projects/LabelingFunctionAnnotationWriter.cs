using System.Data.Common;
using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Labelforge.Core.LabelingFunctions.Projects.Fitting;
using Labelforge.Engine.WeakSupervision;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>
/// Writes a label model's answers as programmatic annotations (label = most probable, probabilities by label
/// id) on the items some function covers, skipping items whose latest annotation by the same author says the same.
/// </summary>
internal static class LabelingFunctionAnnotationWriter
{
    public static async Task<int> WriteAsync(LabelforgeDb db, long projectId, int taxonomyVersion, string author, long createdAtMs,
        IReadOnlyList<long> itemIds, LabelMatrix matrix, double[,] probabilities, long[] labelIds, DbTransaction tx)
    {
        var existing = new Dictionary<long, (string LabelIdsJson, string? ProbabilitiesJson)>();
        var previous = db.Annotations.AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.Author == author)
            .OrderBy(a => a.Id)
            .Select(a => new { a.ItemId, a.LabelIdsJson, a.ProbabilitiesJson });
        await foreach (var a in previous.AsAsyncEnumerable())
            existing[a.ItemId] = (a.LabelIdsJson, a.ProbabilitiesJson); // the latest per item wins
        await using var writer = new AnnotationBulkWriter(db.Database.GetDbConnection(), projectId, createdAtMs) { Transaction = tx };
        var written = 0;
        for (var i = 0; i < matrix.Rows; i++)
        {
            if (!LabelingFunctionWeights.Covered(matrix.Row(i)))
                continue;
            var best = LabelingFunctionWeights.Best(probabilities, i);
            var labels = Common.JsonIds.Write([labelIds[best]]);
            var probs = ProbabilityJson.Write(labelIds.Select((id, c) => KeyValuePair.Create(id, probabilities[i, c])), digits: 6);
            if (existing.TryGetValue(itemIds[i], out var old) && old.LabelIdsJson == labels && old.ProbabilitiesJson == probs)
                continue; // same version, same answer: nothing new to record
            writer.Insert(itemIds[i], author, AnnotationKind.Programmatic.ToWire(), [labelIds[best]], probabilities[i, best], probs, taxonomyVersion);
            written++;
        }
        return written;
    }
}
