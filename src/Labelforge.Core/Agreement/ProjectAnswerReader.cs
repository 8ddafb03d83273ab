using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.Consensus;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Agreement;

/// <summary>
/// Reads <see cref="ProjectAnswers"/> in one streaming pass over the project's person-made annotations
/// (<see cref="AnnotationKinds.ByPerson"/>) in id order: the last one per (item, author) is that annotator's current
/// label. Labels resolve through merges; an annotation with no label ("none apply") takes the annotator's answer away.
/// </summary>
internal static class ProjectAnswerReader
{
    public static async Task<ProjectAnswers> ReadAsync(LabelforgeDb db, long projectId, LabelResolver resolver, CancellationToken ct)
    {
        var byPerson = AnnotationKinds.ByPerson;
        var rows = db.Annotations.AsNoTracking()
            .Where(a => a.ProjectId == projectId && byPerson.Contains(a.Kind))
            .OrderBy(a => a.Id)
            .Select(a => new { a.ItemId, a.Author, a.LabelIdsJson, a.CreatedAt, a.GuidelineVersion, a.TaxonomyVersion })
            .AsAsyncEnumerable();
        var annotatorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var itemIndex = new Dictionary<long, int>();
        var labelIndex = new Dictionary<long, int>();
        var latest = new Dictionary<(int Item, int Annotator), int>();
        var items = new List<int>();
        var annotators = new List<int>();
        var labels = new List<int>();
        var times = new List<long>();
        var guidelines = new List<int>();
        var taxonomies = new List<int>();
        await foreach (var r in rows.WithCancellation(ct))
        {
            if (!annotatorIndex.TryGetValue(r.Author, out var annotator))
                annotatorIndex[r.Author] = annotator = annotatorIndex.Count;
            if (!itemIndex.TryGetValue(r.ItemId, out var item))
                itemIndex[r.ItemId] = item = itemIndex.Count;
            var label = SingleLabel(r.LabelIdsJson) is { } id ? resolver.Resolve(id) : (long?)null;
            var labelAt = -1;
            if (label is { } l && !labelIndex.TryGetValue(l, out labelAt))
                labelIndex[l] = labelAt = labelIndex.Count;
            if (!latest.TryGetValue((item, annotator), out var at))
            {
                latest[(item, annotator)] = at = items.Count;
                items.Add(item);
                annotators.Add(annotator);
                labels.Add(0);
                times.Add(0);
                guidelines.Add(0);
                taxonomies.Add(0);
            }
            labels[at] = labelAt;
            times[at] = r.CreatedAt.ToUnixTimeMilliseconds();
            guidelines[at] = r.GuidelineVersion ?? -1;
            taxonomies[at] = r.TaxonomyVersion;
        }
        // Drop the answers whose current annotation carries no single label, and renumber labels by id order.
        var order = labelIndex.OrderBy(p => p.Key).Select(p => p.Value).ToArray();
        var rank = new int[order.Length];
        for (var r = 0; r < order.Length; r++)
            rank[order[r]] = r;
        var keep = Enumerable.Range(0, labels.Count).Where(a => labels[a] >= 0).ToArray();
        var answers = new CrowdAnswers(
            [.. keep.Select(a => items[a])], [.. keep.Select(a => annotators[a])], [.. keep.Select(a => rank[labels[a]])],
            itemIndex.Count, annotatorIndex.Count, Math.Max(1, labelIndex.Count));
        return new ProjectAnswers
        {
            Answers = answers,
            AnnotatorNames = [.. annotatorIndex.OrderBy(p => p.Value).Select(p => p.Key)],
            LabelNames = [.. labelIndex.Keys.Order().Select(resolver.Lookup.ReferenceOf)],
            CreatedAtMs = [.. keep.Select(a => times[a])],
            GuidelineVersions = [.. keep.Select(a => guidelines[a])],
            TaxonomyVersions = [.. keep.Select(a => taxonomies[a])],
        };
    }

    /// <summary>The one label id of "[123]" without a JSON parser (the common case); null for none or several.</summary>
    private static long? SingleLabel(string json)
    {
        var span = json.AsSpan().Trim();
        if (span.Length > 2 && span[0] == '[' && span[^1] == ']' && span.IndexOf(',') < 0
            && long.TryParse(span[1..^1], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id))
            return id;
        var ids = JsonIds.Read(json);
        return ids.Length == 1 ? ids[0] : null;
    }
}
