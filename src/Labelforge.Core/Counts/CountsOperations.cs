using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Counts;

/// <summary>
/// Reads a project's maintained counts: one key seek for the totals and one index range each for the labels and the
/// annotators, so the cost depends on the taxonomy and the team, never on the number of items.
/// </summary>
public sealed class CountsOperations(LabelforgeDb db, TaxonomyOperations taxonomy)
{
    public async Task<CountsView> ReadAsync(long projectId, CancellationToken ct = default)
    {
        await RequireProject.ExistsAsync(db, projectId, ct);
        var totals = await ProjectCountsReader.ReadAsync(db, projectId, ct);
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var perLabel = await db.LabelCounts.AsNoTracking().Where(c => c.ProjectId == projectId && c.ResolvedId == c.LabelId)
            .ToDictionaryAsync(c => c.LabelId, c => c.Items, ct);
        var labels = resolver.All.Where(l => l.Status != LabelStatus.Merged && perLabel.ContainsKey(l.Id))
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
            .Select(l => new LabelCount(l.Id, l.Name, resolver.PathOf(l.Id), l.Status.ToString().ToLowerInvariant(), l.Color, perLabel[l.Id]))
            .ToList();
        var annotators = await db.AnnotatorCounts.AsNoTracking().Where(c => c.ProjectId == projectId && c.LabeledItems > 0)
            .OrderByDescending(c => c.LabeledItems).ThenBy(c => c.Author)
            .Select(c => new AnnotatorCount(c.Author, c.LabeledItems)).ToListAsync(ct);
        return new CountsView(totals.Items, totals.AnnotatedItems, totals.DecidedItems, totals.GivenItems, labels, annotators);
    }
}
