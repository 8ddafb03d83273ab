using System.Text.Json;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Items;
using Labelforge.Core.LabelingFunctions.Functions;
using Labelforge.Core.LabelingFunctions.Sets;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>
/// A project's items as LF documents, in id order, with the current labels of the authors that
/// `annotations` functions read.
/// </summary>
internal sealed record LabelingFunctionProjectDocuments(IReadOnlyList<long> Ids, IReadOnlyList<LabelingFunctionDocument> Documents)
{
    public static async Task<LabelingFunctionProjectDocuments> LoadAsync(LabelforgeDb db, long projectId, LabelingFunctionSet set, LabelResolver resolver, CancellationToken ct)
    {
        var authors = set.Functions.OfType<AnnotationsFunction>().Select(f => f.Author).OfType<string>().ToHashSet();
        var current = authors.Count == 0 ? [] : await CurrentLabelsAsync(db, projectId, SetTexts(set, resolver), resolver, ct);
        var ids = new List<long>();
        var documents = new List<LabelingFunctionDocument>();
        var rows = db.Items.AsNoTracking().Where(i => i.ProjectId == projectId).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Text, i.DataJson, i.TextSlot }).AsAsyncEnumerable();
        await foreach (var item in rows.WithCancellation(ct))
        {
            current.TryGetValue(item.Id, out var byAuthor);
            var votes = byAuthor?.Where(a => authors.Contains(a.Author)).ToDictionary(a => a.Author, a => a.Label);
            ids.Add(item.Id);
            documents.Add(new LabelingFunctionDocument(item.Text, ItemDocument.Parse(item.Text, item.DataJson, item.TextSlot), votes));
        }
        return new LabelingFunctionProjectDocuments(ids, documents);
    }

    /// <summary>
    /// Each label the set names, as the set writes it: an `annotations` function compares an author's label with the
    /// set's texts, and a bare name in the taxonomy may be shared by labels the set tells apart by their paths.
    /// </summary>
    private static Dictionary<long, string> SetTexts(LabelingFunctionSet set, LabelResolver resolver)
    {
        var texts = new Dictionary<long, string>();
        foreach (var text in set.Labels)
        {
            if (resolver.Lookup.Match(text).Label is { } label)
                texts.TryAdd(label.Id, text);
        }
        return texts;
    }

    private static async Task<Dictionary<long, List<CurrentLabel>>> CurrentLabelsAsync(LabelforgeDb db, long projectId,
        Dictionary<long, string> setTexts, LabelResolver resolver, CancellationToken ct)
    {
        var rows = await db.Annotations.AsNoTracking()
            .Where(a => a.ProjectId == projectId && !db.Annotations.Any(b => b.ItemId == a.ItemId && b.Author == a.Author && b.Id > a.Id))
            .OrderBy(a => a.Id)
            .Select(a => new { a.ItemId, a.Author, a.LabelIdsJson })
            .ToListAsync(ct);
        var result = new Dictionary<long, List<CurrentLabel>>();
        foreach (var row in rows)
        {
            var ids = JsonIds.Read(row.LabelIdsJson);
            if (ids.Length != 1)
                continue; // an LF vote is one label; multi-label answers do not map onto it
            if (!result.TryGetValue(row.ItemId, out var list))
                result[row.ItemId] = list = [];
            var id = resolver.Resolve(ids[0]);
            list.Add(new CurrentLabel(row.Author, setTexts.TryGetValue(id, out var text) ? text : resolver.PathOf(id)));
        }
        return result;
    }

    private sealed record CurrentLabel(string Author, string Label);
}
