using System.Globalization;
using Labelforge.Core.Annotations;
using Labelforge.Core.Projects;
using Labelforge.Engine.Consensus;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Consensus;

/// <summary>
/// A shared crowd dataset (Bluebirds, Snow 2008) as a project: one item per task (external id = the task id), labels
/// named by the dataset's values in numeric order, and every answer a human annotation by its worker, written through
/// the annotation bulk writer. <see cref="FileAnswers"/> is the same answers as `consensus --input` reads them.
/// </summary>
internal sealed record CrowdProject(Project Project, List<(string Item, string Worker, string Label)> Rows, Dictionary<string, long> ItemIds,
    Dictionary<string, long> LabelIds)
{
    public static List<(string Item, string Worker, string Label)> Bluebirds() =>
        [.. File.ReadLines(Path.Combine(TestPaths.Datasets, "crowd-bluebirds", "answers.csv")).Skip(1).Select(l => l.Split(',')).Select(r => (r[0], r[1], r[2]))];

    public static List<(string Item, string Worker, string Label)> Snow(string task) =>
        [.. File.ReadLines(Path.Combine(TestPaths.Datasets, "crowd-snow2008", "all_collected_data", task + ".standardized.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Select(r => (r[2], r[1], r[3]))];

    /// <summary>Label names in the file form's order: ascending by value (every dataset label is a number).</summary>
    public static string[] LabelNames(IEnumerable<(string Item, string Worker, string Label)> rows) =>
        [.. rows.Select(r => r.Label).Distinct().OrderBy(l => double.Parse(l, CultureInfo.InvariantCulture))];

    public static async Task<CrowdProject> CreateAsync(TestDb t, string name, List<(string Item, string Worker, string Label)> rows)
    {
        var ct = TestContext.Current.CancellationToken;
        var labels = LabelNames(rows);
        var project = await t.ProjectAsync(name, false, labels);
        var items = rows.Select(r => r.Item).Distinct().ToList();
        await Seed.ImportAsync(t, project.Id, null, [.. items.Select((item, i) => Seed.Row(i + 1, $"task {item}", item))]);
        var itemIds = await t.Db.Items.Where(i => i.ProjectId == project.Id).ToDictionaryAsync(i => i.ExternalId!, i => i.Id, ct);
        var labelIds = await t.Db.Labels.Where(l => l.ProjectId == project.Id).ToDictionaryAsync(l => l.Name, l => l.Id, ct);
        await WriteAsync(t, project.Id, rows.Select((r, a) => (itemIds[r.Item], r.Worker, labelIds[r.Label], (long?)(1000 + a))));
        return new CrowdProject(project, rows, itemIds, labelIds);
    }

    /// <summary>Writes human annotations (item, author, label, time spent) in one transaction, at the test clock's time.</summary>
    public static async Task WriteAsync(TestDb t, long projectId, IEnumerable<(long ItemId, string Author, long LabelId, long? TimeSpentMs)> rows,
        string kind = "human")
    {
        var ct = TestContext.Current.CancellationToken;
        await t.Db.Database.OpenConnectionAsync(ct);
        await using (var tx = await t.Db.Database.BeginTransactionAsync(ct))
        {
            await using (var writer = new AnnotationBulkWriter(t.Db.Database.GetDbConnection(), projectId, t.Time.GetUtcNow().ToUnixTimeMilliseconds())
            { Transaction = Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(tx) })
            {
                foreach (var (item, author, label, spent) in rows)
                    writer.Insert(item, author, kind, [label], null, null, 1, timeSpentMs: spent);
            }
            await tx.CommitAsync(ct);
        }
        await t.Db.Database.CloseConnectionAsync();
    }

    /// <summary>The answers as the file command reads them: items and workers in order of first appearance, labels by value.</summary>
    public (CrowdAnswers Answers, string[] Items) FileAnswers()
    {
        var items = new Dictionary<string, int>();
        var workers = new Dictionary<string, int>();
        var labels = LabelNames(Rows).Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
        foreach (var (item, worker, _) in Rows)
        {
            items.TryAdd(item, items.Count);
            workers.TryAdd(worker, workers.Count);
        }
        var answers = new CrowdAnswers([.. Rows.Select(r => items[r.Item])], [.. Rows.Select(r => workers[r.Worker])], [.. Rows.Select(r => labels[r.Label])],
            items.Count, workers.Count, labels.Count);
        return (answers, [.. items.Keys]);
    }
}
