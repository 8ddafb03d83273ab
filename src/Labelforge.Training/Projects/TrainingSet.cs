using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Training.TextClassification;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Training.Projects;

/// <summary>
/// What a project model trains on: the given (human, imported or reviewed) labels, and optionally, for items without one, the
/// latest programmatic label weighted by its probability. Rows 0..HumanCount-1 are the human ones.
/// <see cref="ThroughAnnotationId"/> is the highest annotation id read before the labels, so any label with a larger
/// id is one the model did not see.
/// </summary>
public sealed record TrainingSet(HumanLabels Human, TextExamples Examples, IReadOnlyList<long> ItemIds, int HumanCount, long ThroughAnnotationId)
{
    public static async Task<TrainingSet> LoadAsync(LabelforgeDb db, TaxonomyOperations taxonomy, long projectId, bool includeProgrammatic, CancellationToken ct)
    {
        await TaskTypes.RequireClassLabelsAsync(db, projectId, "Training", ct);
        var through = await db.Annotations.Where(a => a.ProjectId == projectId).MaxAsync(a => (long?)a.Id, ct) ?? 0;
        var human = await HumanLabels.LoadAsync(db, taxonomy, projectId, ct, through);
        var ids = new List<long>(human.ItemIds);
        var texts = new List<string>(human.Texts);
        var labels = new List<int>(human.Labels);
        var weights = new List<float>(Enumerable.Repeat(1f, human.Labels.Length));
        if (includeProgrammatic)
            await AddProgrammaticAsync(db, taxonomy, projectId, human, through, (ids, texts, labels, weights), ct);
        var examples = new TextExamples(texts, [.. labels], human.ClassNames.Count, ids.Count > human.ItemIds.Count ? [.. weights] : null);
        return new TrainingSet(human, examples, ids, human.ItemIds.Count, through);
    }

    private static async Task AddProgrammaticAsync(LabelforgeDb db, TaxonomyOperations taxonomy, long projectId, HumanLabels human, long through,
        (List<long> Ids, List<string> Texts, List<int> Labels, List<float> Weights) into, CancellationToken ct)
    {
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var classOf = human.ClassLabelIds.Select((id, k) => (id, k)).ToDictionary(p => p.id, p => p.k);
        var labeled = human.ItemIds.ToHashSet();
        var kind = AnnotationKind.Programmatic.ToWire();
        var latest = new Dictionary<long, (long LabelId, double Weight)>();
        var rows = db.Annotations.AsNoTracking().Where(a => a.ProjectId == projectId && a.Kind == kind && a.Id <= through).OrderBy(a => a.Id)
            .Select(a => new { a.ItemId, a.LabelIdsJson, a.Confidence });
        await foreach (var a in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var labelIds = JsonIds.Read(a.LabelIdsJson);
            if (labelIds.Length == 1 && !labeled.Contains(a.ItemId))
                latest[a.ItemId] = (labelIds[0], a.Confidence ?? 1); // the latest programmatic label of an item wins
        }
        var texts = await TextsAsync(db, latest.Keys, ct);
        foreach (var (itemId, (labelId, weight)) in latest.OrderBy(p => p.Key))
        {
            if (!classOf.TryGetValue(resolver.Resolve(labelId), out var k) || weight <= 0)
                continue;
            into.Ids.Add(itemId);
            into.Texts.Add(texts[itemId]);
            into.Labels.Add(k);
            into.Weights.Add((float)weight);
        }
    }

    /// <summary>The texts of just these items (not the whole project's), a page of ids per query.</summary>
    private static async Task<Dictionary<long, string>> TextsAsync(LabelforgeDb db, IEnumerable<long> itemIds, CancellationToken ct)
    {
        var texts = new Dictionary<long, string>();
        foreach (var page in itemIds.Chunk(5_000))
        {
            await foreach (var item in db.Items.AsNoTracking().Where(i => page.Contains(i.Id)).Select(i => new { i.Id, i.Text })
                .AsAsyncEnumerable().WithCancellation(ct))
                texts[item.Id] = item.Text;
        }
        return texts;
    }
}
