using System.Text.Json;
using Labelforge.Core.Accounts;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Import.Labels;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Projects;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Overlap;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelforge.Core.Import.Answers;

/// <summary>
/// Brings answers from other tools (crowdsourcing results, other labeling tools): one row per (item, author, label),
/// each written as a human annotation by that author, items matched by external id. Items not in the project are created
/// first through the ordinary import (so the queue's state is kept as for any import) when the row has a text; without
/// one the row is an error. Of several rows for one (item, author) the last wins. The annotations go in one transaction
/// through the bulk writer, so the store's triggers keep the counts and the queue (overlap) exact; a bad row (unknown
/// label, missing value, an author that is no valid user name) is an error with file, line and field and writes nothing.
/// The same path writes gold answers (<see cref="Gold.GoldOperations"/>): kind gold under one fixed author.
/// </summary>
public sealed class AnswersImportOperations(LabelforgeDb db, TimeProvider time, TaxonomyOperations taxonomy, ImportOperations import)
{
    public const int MaxErrorsListed = 1_000;

    /// <summary>Reads <paramref name="reader"/> (named <paramref name="source"/>) and imports its rows as human labels by their authors.</summary>
    public async Task<AnswersImportReport> ImportAsync(long projectId, string source, TextReader reader, AnswersImportRequest request, CancellationToken ct = default)
    {
        var (rows, errors) = AnswersFile.Read(reader, source, request.IdField, request.LabelField, request.AuthorField, request.TextField);
        var good = new List<AnswerRow>(rows.Count);
        foreach (var row in rows)
        {
            if (!ValidName(row.Author, out var problem))
                errors.Add(new ImportError(source, row.Line, request.AuthorField, $"author '{row.Author}' is not a user name ({problem}); annotators' names are letters, digits, '.', '_', '-' or '@'"));
            else
                good.Add(row);
        }
        return await WriteAsync(projectId, source, good, errors, AnnotationKind.Human, request.CreateLabels, request.IdField, ct);
    }

    /// <summary>Writes <paramref name="rows"/> as annotations of <paramref name="kind"/>; the rows' authors are used as given.</summary>
    internal async Task<AnswersImportReport> WriteAsync(long projectId, string source, List<AnswerRow> rows, List<ImportError> errors,
        AnnotationKind kind, bool createLabels, string idField, CancellationToken ct)
    {
        var project = await RequireProject.FindAsync(db.Projects, projectId, ct);
        TaskTypes.RequireClassLabels(project, "Importing answers");
        var total = rows.Count + errors.Count;
        // The last row of each (item, author) wins.
        var last = new Dictionary<(string Item, string Author), AnswerRow>();
        foreach (var row in rows)
            last[(row.ExternalId, row.Author)] = row;
        var replaced = rows.Count - last.Count;
        var externalIds = last.Keys.Select(k => k.Item).Distinct(StringComparer.Ordinal).ToList();
        var items = await ItemIdsAsync(projectId, externalIds, ct);
        var created = await CreateItemsAsync(projectId, source, rows, items, ct);
        if (created > 0)
            items = await ItemIdsAsync(projectId, externalIds, ct);

        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var labels = new ImportLabelMap(resolver);
        var rules = new ImportLabelRules(project, new ImportOptions(CreateLabels: createLabels), resolver);
        var resolved = new List<(long ItemId, AnswerRow Row, long[] Ids)>(last.Count);
        foreach (var row in last.Values.OrderBy(r => r.Line))
        {
            if (!items.TryGetValue(row.ExternalId, out var itemId))
            {
                errors.Add(new ImportError(source, row.Line, idField, row.Text is null
                    ? $"no item '{row.ExternalId}' in project '{project.Name}'; import the items first or add a text column (--text-field) to create them"
                    : $"item '{row.ExternalId}' was not created: its text is already another item's"));
                continue;
            }
            var (names, problem) = rules.Names(row.Labels);
            long[] ids = [];
            if (problem is null)
            {
                var mapped = await labels.MapAsync(names, createLabels, async name =>
                {
                    var view = await taxonomy.AddAsync(projectId, new NewLabel(name), "import", ct);
                    await db.Entry(project).ReloadAsync(ct);
                    return view.Id;
                });
                (ids, problem) = mapped.Problem is null ? rules.Apply(new ImportedAnnotation(row.Author, kind, names), mapped.Ids, names) : ([], mapped.Problem);
            }
            if (problem is not null)
                errors.Add(new ImportError(source, row.Line, "label", problem));
            else
                resolved.Add((itemId, row, ids));
        }
        await WriteAnnotationsAsync(project, resolved, kind, ct);
        return new AnswersImportReport(total, created, resolved.Count, resolved.Select(r => r.Row.Author).Distinct().Count(), replaced,
            errors.Count, errors.OrderBy(e => e.Line).Take(MaxErrorsListed).ToList(), labels.Created);
    }

    private async Task WriteAnnotationsAsync(Project project, List<(long ItemId, AnswerRow Row, long[] Ids)> resolved, AnnotationKind kind, CancellationToken ct)
    {
        if (resolved.Count == 0)
            return;
        using var gate = await WriteGate.EnterAsync(db, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using (var writer = new AnnotationBulkWriter(db.Database.GetDbConnection(), project.Id, time.GetUtcNow().ToUnixTimeMilliseconds()))
            {
                writer.Transaction = tx.GetDbTransaction();
                foreach (var (itemId, row, ids) in resolved)
                    writer.Insert(itemId, row.Author, kind.ToWire(), ids, null, null, project.TaxonomyVersion);
            }
            if (kind == AnnotationKind.Human)
                await AfterLabelsAsync(project.Id, resolved, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // As after a queue submission: leases of the authors on their items end, and adaptive overlap decides the items again.
    private async Task AfterLabelsAsync(long projectId, List<(long ItemId, AnswerRow Row, long[] Ids)> resolved, CancellationToken ct)
    {
        var itemIds = resolved.Select(r => r.ItemId).Distinct().ToList();
        foreach (var chunk in itemIds.Chunk(500))
        {
            var ids = chunk.ToList();
            await db.ItemLeases.Where(l => ids.Contains(l.ItemId)
                && db.Annotations.Any(a => a.ItemId == l.ItemId && a.Author == l.Annotator && a.Kind == "human")).ExecuteDeleteAsync(ct);
        }
        var settings = await db.QueueSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == projectId, ct);
        if (settings?.OverlapMode == QueueSettings.AdaptiveOverlap)
            await OverlapRule.DecideAsync(db, settings, itemIds, ct);
    }

    /// <summary>Creates the items the rows name that the project lacks, through the ordinary import (first text given per id).</summary>
    private async Task<int> CreateItemsAsync(long projectId, string source, List<AnswerRow> rows, Dictionary<string, long> existing, CancellationToken ct)
    {
        var fresh = rows.Where(r => r.Text is not null && !existing.ContainsKey(r.ExternalId))
            .DistinctBy(r => r.ExternalId, StringComparer.Ordinal).ToList();
        if (fresh.Count == 0)
            return 0;
        var report = await import.ImportAsync(projectId, source, ImportFormat.Csv, Entries(source, fresh), new ImportOptions(), ct: ct);
        return (int)report.Imported;
    }

    private static async IAsyncEnumerable<ImportEntry> Entries(string source, List<AnswerRow> rows)
    {
        foreach (var row in rows)
        {
            var document = JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = row.ExternalId, ["text"] = row.Text! });
            yield return ImportEntry.Ok(new ImportRecord(source, row.Line, row.ExternalId, row.Text!, document, []));
        }
        await Task.CompletedTask;
    }

    private async Task<Dictionary<string, long>> ItemIdsAsync(long projectId, List<string> externalIds, CancellationToken ct)
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in externalIds.Chunk(500))
        {
            var ids = chunk.ToList();
            foreach (var item in await db.Items.AsNoTracking().Where(i => i.ProjectId == projectId && ids.Contains(i.ExternalId!))
                .Select(i => new { i.Id, i.ExternalId }).ToListAsync(ct))
                map[item.ExternalId!] = item.Id;
        }
        return map;
    }

    private static bool ValidName(string name, out string? problem)
    {
        try
        {
            UserNames.Check(name);
            problem = null;
            return true;
        }
        catch (LabelforgeException e)
        {
            problem = e.Message;
            return false;
        }
    }
}
