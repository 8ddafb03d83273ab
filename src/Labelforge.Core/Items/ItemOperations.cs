using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Counts;
using Labelforge.Core.Data;
using Labelforge.Core.Privacy;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Items;

/// <summary>Browse, search and filter a project's items; fetch one with its labels.</summary>
public sealed class ItemOperations(LabelforgeDb db, TaxonomyOperations taxonomy, AnnotationOperations annotations, PiiOperations pii)
{
    public const int MaxPageSize = 1000;

    /// <summary>A text search counts its matches up to this many (each is checked against the text), so a word in every item costs a bounded count, not one of the project.</summary>
    public const int SearchCountLimit = 1_000;

    public async Task<ItemPage> QueryAsync(long projectId, ItemQuery query, CancellationToken ct = default)
    {
        if (query.Page < 1 || query.PageSize < 1 || query.PageSize > MaxPageSize)
            throw LabelforgeException.Invalid($"Page must be >= 1 and page size between 1 and {MaxPageSize}.");
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        if (await IndexedSearchAsync(projectId, query, resolver, ct) is { } found)
            return found;
        var items = Filter(projectId, query, resolver);
        // An unfiltered listing takes its total from the maintained counts instead of counting the project's items.
        var total = query is { Search: null or "", Label: null or "", Author: null or "", Unlabeled: false, NeedsRelabel: false }
            ? (await ProjectCountsReader.ReadAsync(db, projectId, ct)).Items
            : await items.LongCountAsync(ct);
        var page = await items.OrderBy(i => i.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .AsNoTracking().ToListAsync(ct);
        var views = await ViewsAsync(projectId, page, resolver, query.Unmasked, ct);
        return new ItemPage(views, total, query.Page, query.PageSize);
    }

    // A search alone goes to the store's text index when it has one that serves the text; with other filters it scans.
    private async Task<ItemPage?> IndexedSearchAsync(long projectId, ItemQuery query, LabelResolver resolver, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query.Search) || query is not { Label: null or "", Author: null or "", Unlabeled: false, NeedsRelabel: false }
            || ItemSearchOptionsExtension.Find(db) is not { } search)
            return null;
        var take = (query.Page - 1) * query.PageSize + query.PageSize;
        if (await search.SearchAsync(db, projectId, query.Search.Trim(), take, SearchCountLimit, ct) is not { } result)
            return null;
        var ids = result.Ids.Skip((query.Page - 1) * query.PageSize).ToList();
        var page = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id)).OrderBy(i => i.Id).ToListAsync(ct);
        var views = await ViewsAsync(projectId, page, resolver, query.Unmasked, ct);
        return new ItemPage(views, result.Total, query.Page, query.PageSize, result.Capped);
    }

    /// <summary>One item; <paramref name="unmasked"/> shows it as stored, else the project's masking applies.</summary>
    public async Task<ItemView> GetAsync(long projectId, long itemId, bool unmasked = false, CancellationToken ct = default)
    {
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.ProjectId == projectId && i.Id == itemId, ct)
            ?? throw LabelforgeException.NotFound($"No item {itemId} in this project.");
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        return (await ViewsAsync(projectId, [item], resolver, unmasked, ct))[0];
    }

    private IQueryable<Item> Filter(long projectId, ItemQuery query, LabelResolver resolver)
    {
        var items = db.Items.Where(i => i.ProjectId == projectId);
        var current = annotations.Current(projectId);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = ContainsPattern(query.Search.Trim());
            items = items.Where(i => EF.Functions.Like(i.Text, pattern, "\\") || i.ExternalId == query.Search.Trim());
        }
        if (query.Unlabeled)
            items = items.Where(i => !db.Annotations.Any(a => a.ItemId == i.Id));
        if (!string.IsNullOrWhiteSpace(query.Author))
            items = items.Where(i => db.Annotations.Any(a => a.ItemId == i.Id && a.Author == query.Author));
        if (!string.IsNullOrWhiteSpace(query.Label))
        {
            var target = LabelMatch(resolver, query.Label);
            var ids = resolver.All.Where(l => resolver.Resolve(l.Id) == target).Select(l => l.Id).ToList();
            items = items.Where(i => current.Any(a => a.ItemId == i.Id
                && db.AnnotationLabels.Any(x => x.AnnotationId == a.Id && ids.Contains(x.LabelId))));
        }
        if (query.NeedsRelabel)
            items = NeedsRelabel(items, current, resolver);
        return items;
    }

    /// <summary>Items whose current labels include a split label and that nobody has labeled since the split.</summary>
    private IQueryable<Item> NeedsRelabel(IQueryable<Item> items, IQueryable<Annotation> current, LabelResolver resolver)
    {
        var split = resolver.All.Where(l => l.Status == LabelStatus.Split).ToList();
        if (split.Count == 0)
            return items.Where(_ => false);
        var ids = split.Select(l => l.Id).ToList();
        var since = split.Min(l => l.RetiredInVersion ?? 0);
        return items.Where(i =>
            current.Any(a => a.ItemId == i.Id && db.AnnotationLabels.Any(x => x.AnnotationId == a.Id && ids.Contains(x.LabelId)))
            && !db.Annotations.Any(a => a.ItemId == i.Id && a.TaxonomyVersion >= since));
    }

    private async Task<List<ItemView>> ViewsAsync(long projectId, IReadOnlyList<Item> page, LabelResolver resolver, bool unmasked, CancellationToken ct)
    {
        var ids = page.Select(i => i.Id).ToList();
        var current = await annotations.Current(projectId)
            .Where(a => ids.Contains(a.ItemId))
            .AsNoTracking().ToListAsync(ct);
        var byItem = current.ToLookup(a => a.ItemId);
        var taskType = await db.Projects.Where(p => p.Id == projectId).Select(p => p.TaskType).FirstOrDefaultAsync(ct);
        var kind = TaskTypes.ValueKind(taskType ?? TaskTypes.TextClassification);
        var masker = await pii.MaskerAsync(projectId, unmasked, ct);
        return page.Select(i =>
        {
            var anns = byItem[i.Id].OrderBy(a => a.Id).ToList();
            var labels = resolver.Lookup.References(anns.SelectMany(a => AnnotationValueJson.Read(a.LabelIdsJson, kind).LabelIds));
            var text = masker.Text(i.Text);
            return new ItemView(i.Id, masker.ExternalId(i.ExternalId), text, masker.Document(i.Text, i.DataJson, i.TextSlot, text), labels,
                anns.Select(a => a.Author).Distinct().ToList(), i.CreatedAt);
        }).ToList();
    }

    private static long LabelMatch(LabelResolver resolver, string label)
    {
        if (long.TryParse(label, out var id) && resolver.Find(id) is not null)
            return resolver.Resolve(id);
        return resolver.FindLive(label)?.Id ?? throw LabelforgeException.Invalid($"Unknown label '{label}'.");
    }

    /// <summary>The LIKE pattern (escape character backslash) of texts that contain <paramref name="text"/>.</summary>
    public static string ContainsPattern(string text) => "%" + EscapeLike(text) + "%";

    private static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
