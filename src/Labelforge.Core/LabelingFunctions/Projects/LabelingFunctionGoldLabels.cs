using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>
/// The gold labels of a project's items for the LF analysis and fit: per item the label of its latest single-label
/// given annotation (a person's, an imported one such as a labeled dev set, or a reviewer's; see
/// <see cref="AnnotationKinds.Given"/>), as an index into the set's labels (labels the set does not know are left out).
/// The set's labels are texts (names or paths), matched to label ids, since a bare name may belong to several labels.
/// </summary>
internal static class LabelingFunctionGoldLabels
{
    public static async Task<Dictionary<long, int>> LoadAsync(LabelforgeDb db, long projectId, IReadOnlyList<string> setLabels,
        LabelResolver resolver, CancellationToken ct)
    {
        var index = new Dictionary<long, int>();
        for (var i = 0; i < setLabels.Count; i++)
        {
            if (resolver.Lookup.Match(setLabels[i]).Label is { } label)
                index.TryAdd(label.Id, i);
        }
        var rows = await GivenLabels.Latest(db, projectId).AsNoTracking()
            .Select(a => new { a.ItemId, a.LabelIdsJson })
            .ToListAsync(ct);
        var gold = new Dictionary<long, int>();
        foreach (var row in rows)
        {
            var ids = JsonIds.Read(row.LabelIdsJson);
            if (ids.Length == 1 && index.TryGetValue(resolver.Resolve(ids[0]), out var label))
                gold[row.ItemId] = label;
        }
        return gold;
    }

    /// <summary>Gold aligned with <paramref name="itemIds"/>: the label index, or <see cref="LabelIndex.Abstain"/> where no gold label is known.</summary>
    public static int[] Align(IReadOnlyDictionary<long, int> gold, IReadOnlyList<long> itemIds)
    {
        var aligned = new int[itemIds.Count];
        for (var i = 0; i < aligned.Length; i++)
            aligned[i] = gold.TryGetValue(itemIds[i], out var g) ? g : LabelIndex.Abstain;
        return aligned;
    }
}
