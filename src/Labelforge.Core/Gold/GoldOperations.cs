using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Answers;
using Labelforge.Core.Projects;
using Labelforge.Core.Queues.Settings;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Gold;

/// <summary>
/// Gold items (honeypots): known answers imported as annotations of kind <c>gold</c> by <see cref="Author"/>, each item
/// listed in <c>gold_items</c>. The queue mixes them into every annotator's stream at the project's gold rate (queue
/// settings); people's answers on them are ordinary human annotations, compared with the gold answer to score the
/// annotator (<see cref="GoldScores"/>) and never taken as gold themselves. The items must exist (matched by external id).
/// </summary>
public sealed class GoldOperations(LabelforgeDb db, AnswersImportOperations answers, QueueSettingsOperations settings, TaxonomyOperations taxonomy)
{
    /// <summary>The author of every gold answer.</summary>
    public const string Author = "gold:import";

    /// <summary>Imports a CSV/TSV of `item,label` (external id, label name); <paramref name="rate"/>, when given, becomes the project's gold rate.</summary>
    public async Task<GoldImportReport> ImportAsync(long projectId, string source, TextReader reader, double? rate = null,
        string idField = "item", string labelField = "label", CancellationToken ct = default)
    {
        await RequireProject.ExistsAsync(db, projectId, ct);
        if (rate is not null)
            await settings.SetAsync(projectId, new QueueSettingsUpdate { GoldRate = rate }, ct);
        var (rows, errors) = AnswersFile.Read(reader, source, idField, labelField, null, null);
        var report = await answers.WriteAsync(projectId, source, [.. rows.Select(r => r with { Author = Author })], errors,
            AnnotationKind.Gold, createLabels: false, idField, ct);
        await AddItemsAsync(projectId, ct);
        var count = await db.GoldItems.CountAsync(g => g.ProjectId == projectId, ct);
        var goldRate = (await settings.GetAsync(projectId, ct)).GoldRate;
        return new GoldImportReport(report.Rows, report.Annotations, count, goldRate, report.ErrorCount, report.Errors);
    }

    /// <summary>The project's gold items and their answers, in item order.</summary>
    public async Task<IReadOnlyList<GoldAnswer>> ListAsync(long projectId, CancellationToken ct = default)
    {
        await RequireProject.ExistsAsync(db, projectId, ct);
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var rows = await (from g in db.GoldItems
                          where g.ProjectId == projectId
                          join i in db.Items on g.ItemId equals i.Id
                          let gold = db.Annotations.Where(a => a.ItemId == g.ItemId && a.Author == Author).OrderByDescending(a => a.Id).Select(a => a.LabelIdsJson).FirstOrDefault()
                          orderby g.ItemId
                          select new { g.ItemId, i.ExternalId, gold }).ToListAsync(ct);
        return rows.Select(r => new GoldAnswer(r.ItemId, r.ExternalId,
            resolver.Lookup.References(JsonIds.Read(r.gold ?? "[]").Select(resolver.Resolve).Distinct().ToArray()))).ToList();
    }

    // Every item with a gold answer is a gold item (the set only grows by imports; deleting an item removes its row).
    private async Task AddItemsAsync(long projectId, CancellationToken ct)
    {
        var gold = AnnotationKind.Gold.ToWire();
        var missing = await db.Annotations.Where(a => a.ProjectId == projectId && a.Author == Author && a.Kind == gold
                && !db.GoldItems.Any(g => g.ProjectId == projectId && g.ItemId == a.ItemId))
            .Select(a => a.ItemId).Distinct().ToListAsync(ct);
        db.GoldItems.AddRange(missing.Select(id => new GoldItem { ProjectId = projectId, ItemId = id }));
        await db.SaveChangesAsync(ct);
    }
}
