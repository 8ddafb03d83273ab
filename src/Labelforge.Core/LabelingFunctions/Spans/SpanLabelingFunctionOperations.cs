using System.Diagnostics;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Items;
using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Core.LabelingFunctions.Sets;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelforge.Core.LabelingFunctions.Spans;

/// <summary>
/// Labeling functions on a text-spans project: the set's keyword, lookup and regex functions mark spans on every item
/// (<see cref="SpanLabelingFunctionApplier"/>: snapped to the item's tokens when the project snaps, merged by votes,
/// without overlaps unless the project allows them), and each item that got spans gets one programmatic annotation
/// authored <c>lf:SET@VERSION</c>. The span annotate page offers it as the item's suggestion (the latest model,
/// programmatic or imported annotation), to accept with Enter or correct; it never counts as a given label. Items
/// whose suggestion by the same author is unchanged get nothing new, so a rerun writes only what changed. There is no
/// label matrix or label model: spans from several functions are combined by voting, not fitted.
/// </summary>
public sealed class SpanLabelingFunctionOperations(LabelforgeDb db, TimeProvider time, TaxonomyOperations taxonomy, LabelingFunctionProjectOperations sets)
{
    /// <summary>Saves the set as a new version when it changed (errors throw with file:line:column), then applies it (the CLI's `lf apply`).</summary>
    public async Task<SpanLabelingFunctionResult> ApplyAsync(long projectId, string setName, string yaml, string yamlPath, LabelingFunctionFiles files,
        CancellationToken ct = default)
    {
        var saved = await sets.SaveAsync(projectId, setName, yaml, yamlPath, files, ct);
        if (saved.Errors.Count > 0)
        {
            throw LabelforgeException.Invalid("The LF set has errors:" + Environment.NewLine
                + string.Join(Environment.NewLine, saved.Errors.Select(e => $"{e.File ?? yamlPath}:{e.Line}:{e.Column}: {e.Message}")));
        }
        return await ApplySavedAsync(projectId, setName, files, ct) with { NewVersion = saved.NewVersion };
    }

    /// <summary>Applies the latest saved version of the set to every item and writes the changed suggestions.</summary>
    public async Task<SpanLabelingFunctionResult> ApplySavedAsync(long projectId, string setName, LabelingFunctionFiles files, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var project = await RequireProject.FindAsync(db.Projects.AsNoTracking(), projectId, ct);
        if (TaskTypes.ValueKind(project.TaskType) != AnnotationValueKind.Spans)
            throw LabelforgeException.Invalid($"Project '{project.Name}' is {project.TaskType}; span labeling functions need a text-spans project (apply a set to a classification project with `lf apply` or POST .../apply).");
        var versions = await sets.VersionsAsync(projectId, setName, ct);
        var latest = versions.Count > 0 ? versions[^1] : throw LabelforgeException.NotFound($"LF set '{setName}' has no saved version; save it first.");
        var set = Load(latest, setName, files);
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var labelIds = set.Labels.Select(l => LabelingFunctionProjectOperations.LiveLabel(resolver, l)?.Id ?? throw LabelforgeException.Invalid(
            $"LF set label '{l}' is not an active label of this project; add it with `labelforge taxonomy PROJECT add {l}` or fix `labels:`.")).ToArray();
        var rows = await db.Items.AsNoTracking().Where(i => i.ProjectId == projectId).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Text, i.DataJson }).ToListAsync(ct);
        var inputs = rows.Select(r => new SpanLabelingFunctionInput(new LabelingFunctionDocument(r.Text),
            project.SnapSpansToTokens ? ItemTokens.Of(r.Text, r.DataJson) : null)).ToArray();
        var applied = SpanLabelingFunctionApplier.Apply(set, inputs, project.OverlappingSpans, ct);
        var author = $"lf:{setName}@{latest.Version}";
        var written = await WriteAsync(project, author, rows.Select(r => r.Id).ToArray(), applied.Spans, labelIds, ct);
        return new SpanLabelingFunctionResult(setName, latest.Version, false, author, rows.Count, applied.Spans.Count(s => s.Length > 0),
            applied.Spans.Sum(s => (long)s.Length), written, applied.Functions, clock.Elapsed.TotalSeconds);
    }

    private static LabelingFunctionSet Load(LabelingFunctionSetVersion version, string setName, LabelingFunctionFiles files)
    {
        var loaded = LabelingFunctionSetLoader.LoadText(version.Yaml, $"{setName}.yaml", files, spans: true);
        var set = loaded.Set ?? throw LabelforgeException.Invalid(
            $"LF set '{setName}' version {version.Version} no longer loads (a file it names changed?):{Environment.NewLine}{string.Join(Environment.NewLine, loaded.Errors)}");
        if (set.Functions.FirstOrDefault(f => !f.EmitsSpans) is { } whole)
            throw LabelforgeException.Invalid($"LF set '{setName}' version {version.Version}: function '{whole.Name}' ({whole.Kind}) marks no spans; a text-spans project takes keyword, lookup and regex functions.");
        return set;
    }

    /// <summary>One annotation per item with spans whose value differs from its author's latest on the item; returns how many.</summary>
    private async Task<int> WriteAsync(Project project, string author, long[] itemIds, Engine.Spans.LabeledRange[][] spans, long[] labelIds, CancellationToken ct)
    {
        var previous = new Dictionary<long, string>();
        await foreach (var a in db.Annotations.AsNoTracking().Where(a => a.ProjectId == project.Id && a.Author == author).OrderBy(a => a.Id)
            .Select(a => new { a.ItemId, a.LabelIdsJson }).AsAsyncEnumerable().WithCancellation(ct))
            previous[a.ItemId] = a.LabelIdsJson; // the latest per item wins
        var changed = new List<(long ItemId, SpansValue Value)>();
        for (var i = 0; i < itemIds.Length; i++)
        {
            if (spans[i].Length == 0)
                continue;
            var value = new SpansValue(spans[i].Select(s => new LabeledSpan(s.Start, s.End, labelIds[s.Label])));
            if (!previous.TryGetValue(itemIds[i], out var old) || old != AnnotationValueJson.Write(value))
                changed.Add((itemIds[i], value));
        }
        if (changed.Count == 0)
            return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using (var writer = new AnnotationBulkWriter(db.Database.GetDbConnection(), project.Id, time.GetUtcNow().ToUnixTimeMilliseconds())
        { Transaction = tx.GetDbTransaction() })
        {
            foreach (var (itemId, value) in changed)
                writer.Insert(itemId, author, AnnotationKind.Programmatic.ToWire(), value, null, null, project.TaxonomyVersion);
        }
        await tx.CommitAsync(ct);
        return changed.Count;
    }
}
