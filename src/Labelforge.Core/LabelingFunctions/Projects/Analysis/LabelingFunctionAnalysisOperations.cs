using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine;
using Labelforge.Engine.WeakSupervision;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.LabelingFunctions.Projects.Analysis;

/// <summary>
/// Reads a project's stored label matrix: the LF analysis (Snorkel's LFAnalysis, with the project's gold labels: human, imported or reviewed)
/// and, per function, the items where it fires, where it conflicts with another function, or where it
/// disagrees with the gold label.
/// </summary>
public sealed class LabelingFunctionAnalysisOperations(LabelforgeDb db, TaxonomyOperations taxonomy)
{
    /// <summary>Item filters by wire name.</summary>
    public static IReadOnlyList<string> Filters { get; } = ["fires", "conflicts", "incorrect"];

    private const int SnippetLength = 400;

    /// <summary>The analysis of the set's stored matrix, or null when the set was never applied.</summary>
    public async Task<LabelingFunctionAnalysisReport?> AnalyzeAsync(long projectId, string setName, CancellationToken ct = default)
    {
        if (await LoadAsync(projectId, setName, ct) is not { } context)
            return null;
        var (stored, labels, gold) = context;
        var summary = LabelingFunctionAnalysis.Analyze(stored.Matrix, gold, samples: 0);
        var functions = summary.Functions.Select(f => new LabelingFunctionStats(stored.Names[f.Column], [.. f.Polarity.Select(p => Name(labels, p))],
            f.Coverage, f.Overlaps, f.Conflicts, f.Correct, f.Incorrect, f.EmpiricalAccuracy,
            f.Column < stored.Faults.Count ? stored.Faults[f.Column] : 0)).ToList();
        var latest = await db.LabelingFunctionSetVersions.Where(v => v.ProjectId == projectId && v.Name == setName).MaxAsync(v => (int?)v.Version, ct) ?? stored.Version;
        return new LabelingFunctionAnalysisReport(setName, stored.Version, latest, labels, summary.Items, gold.Count(g => g != LabelIndex.Abstain),
            summary.Coverage, summary.Overlap, summary.Conflict, functions);
    }

    /// <summary>
    /// One page (1-based) of the items where <paramref name="function"/> fires, in item order;
    /// <paramref name="filter"/> narrows to conflicts (another function votes differently) or incorrect votes (against the gold label).
    /// </summary>
    public async Task<LabelingFunctionItemPage> ItemsAsync(long projectId, string setName, string function, string filter = "fires", int page = 1, int pageSize = 20,
        CancellationToken ct = default)
    {
        if (!Filters.Contains(filter))
            throw LabelforgeException.Invalid($"Unknown filter '{filter}'; use one of: {string.Join(", ", Filters)}.");
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var (stored, labels, gold) = await LoadAsync(projectId, setName, ct)
            ?? throw LabelforgeException.Conflict($"LF set '{setName}' has not been applied yet; apply it first.");
        var column = stored.Column(function);
        if (column < 0)
            throw LabelforgeException.NotFound($"LF set '{setName}' (version {stored.Version}) has no function '{function}'.");
        var matching = new List<int>();
        for (var i = 0; i < stored.Matrix.Rows; i++)
        {
            var row = stored.Matrix.Row(i);
            var vote = row[column];
            if (vote == LabelIndex.Abstain)
                continue;
            var keep = filter switch
            {
                "conflicts" => Conflicts(row, vote),
                "incorrect" => gold[i] != LabelIndex.Abstain && gold[i] != vote,
                _ => true,
            };
            if (keep)
                matching.Add(i);
        }
        var rows = matching.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var items = await ItemRowsAsync(stored, labels, gold, column, rows, ct);
        return new LabelingFunctionItemPage(function, filter, page, pageSize, matching.Count, items);
    }

    private async Task<List<LabelingFunctionItemRow>> ItemRowsAsync(LabelingFunctionStoredMatrix stored, IReadOnlyList<string> labels, int[] gold, int column,
        List<int> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => stored.ItemIds[r]).ToList();
        var texts = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.ExternalId, Text = i.Text.Length > SnippetLength ? i.Text.Substring(0, SnippetLength) : i.Text })
            .ToDictionaryAsync(i => i.Id, ct);
        var result = new List<LabelingFunctionItemRow>(rows.Count);
        foreach (var r in rows)
        {
            var row = stored.Matrix.Row(r);
            var vote = row[column];
            var others = new List<LabelingFunctionVote>();
            for (var j = 0; j < row.Length; j++)
            {
                if (j != column && row[j] != LabelIndex.Abstain)
                    others.Add(new LabelingFunctionVote(stored.Names[j], Name(labels, row[j])));
            }
            texts.TryGetValue(stored.ItemIds[r], out var item);
            result.Add(new LabelingFunctionItemRow(stored.ItemIds[r], item?.ExternalId, item?.Text ?? "", Name(labels, vote),
                gold[r] == LabelIndex.Abstain ? null : Name(labels, gold[r]), Conflicts(row, vote), others));
        }
        return result;
    }

    private async Task<(LabelingFunctionStoredMatrix Stored, IReadOnlyList<string> Labels, int[] Gold)?> LoadAsync(long projectId, string setName, CancellationToken ct)
    {
        await RequireProject.ExistsAsync(db, projectId, ct);
        var stored = await LabelingFunctionMatrixStore.LoadAsync(db, projectId, setName, ct);
        if (stored is null)
            return null;
        var yaml = await db.LabelingFunctionSetVersions.AsNoTracking()
            .Where(v => v.ProjectId == projectId && v.Name == setName && v.Version == stored.Version).Select(v => v.Yaml).FirstOrDefaultAsync(ct) ?? "";
        var labels = LabelingFunctionSetOutline.Read(yaml).Labels;
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var gold = LabelingFunctionGoldLabels.Align(await LabelingFunctionGoldLabels.LoadAsync(db, projectId, labels, resolver, ct), stored.ItemIds);
        return (stored, labels, gold);
    }

    private static bool Conflicts(ReadOnlySpan<short> row, short vote)
    {
        foreach (var cell in row)
        {
            if (cell != LabelIndex.Abstain && cell != vote)
                return true;
        }
        return false;
    }

    private static string Name(IReadOnlyList<string> labels, int index) => index >= 0 && index < labels.Count ? labels[index] : $"#{index}";
}
