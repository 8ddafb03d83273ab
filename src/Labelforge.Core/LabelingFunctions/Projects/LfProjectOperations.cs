using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine;
using Labelforge.Engine.WeakSupervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>
/// Programmatic labeling on a project: stores the LF set as a new version when it changed, applies it to
/// every item (re-using stored votes of unchanged functions on old items), fits a label model, and writes
/// its probabilistic labels as programmatic annotations authored lf:{set}@{version} on covered items.
/// </summary>
public sealed class LfProjectOperations(LabelforgeDb db, TimeProvider time)
{
    public async Task<LfProjectResult> ApplyAsync(long projectId, string setName, string yaml, string yamlPath, string baseDirectory,
        string model = "label-model", CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw LabelforgeException.NotFound($"No project with id {projectId}.");
        var loaded = LfSetLoader.LoadText(yaml, yamlPath, baseDirectory);
        if (loaded.Set is not { } set)
            throw LabelforgeException.Invalid("The LF set has errors:" + Environment.NewLine + string.Join(Environment.NewLine, loaded.Errors));
        var resolver = await new TaxonomyOperations(db, time).ResolverAsync(projectId, ct);
        var labelIds = MapLabels(set.Labels, resolver);
        var (version, isNew) = await SaveVersionAsync(projectId, setName, yaml, ct);
        var items = await LfProjectDocuments.LoadAsync(db, projectId, set, resolver, ct);
        var previous = await LfMatrixStore.LoadPreviousAsync(db, projectId, setName, items.Ids, ct);
        var applied = LabelingFunctionApplier.Apply(set, items.Documents, previous: previous, cancellationToken: ct);
        var labelModel = LabelModels.Create(model);
        var diagnostics = labelModel.Fit(applied.Matrix, set.Labels.Count);
        var probabilities = applied.Matrix.Rows == 0 ? new double[0, set.Labels.Count] : labelModel.PredictProbabilities(applied.Matrix);
        var author = $"lf:{setName}@{version}";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LfMatrixStore.SaveAsync(db, projectId, setName, version, applied, items.Ids, time.GetUtcNow(), ct);
        var written = await WriteAnnotationsAsync(project.TaxonomyVersion, projectId, author, items.Ids, applied.Matrix, probabilities, labelIds, tx.GetDbTransaction());
        await tx.CommitAsync(ct);
        var analysis = LabelingFunctionAnalysis.Analyze(applied.Matrix, items.HumanGold);
        var balance = set.Labels.Select((l, k) => (l, diagnostics.ClassBalance.Count > k ? diagnostics.ClassBalance[k] : double.NaN))
            .ToDictionary(p => p.l, p => p.Item2);
        return new LfProjectResult(setName, version, isNew, author, labelModel.Name, applied.Matrix.Rows, applied.NewItems, applied.ReusedFunctions,
            applied.Names, applied.Faults, applied.FirstFaults, analysis, balance, written, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Versions of a project's LF set, newest last.</summary>
    public async Task<IReadOnlyList<LfSetVersion>> VersionsAsync(long projectId, string setName, CancellationToken ct = default) =>
        await db.LfSetVersions.AsNoTracking().Where(v => v.ProjectId == projectId && v.Name == setName).OrderBy(v => v.Version).ToListAsync(ct);

    private async Task<(int Version, bool IsNew)> SaveVersionAsync(long projectId, string setName, string yaml, CancellationToken ct)
    {
        var latest = await db.LfSetVersions.Where(v => v.ProjectId == projectId && v.Name == setName)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        if (latest is not null && latest.Yaml == yaml)
            return (latest.Version, false);
        var version = (latest?.Version ?? 0) + 1;
        db.LfSetVersions.Add(new LfSetVersion { ProjectId = projectId, Name = setName, Version = version, Yaml = yaml, CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return (version, true);
    }

    private async Task<int> WriteAnnotationsAsync(int taxonomyVersion, long projectId, string author, IReadOnlyList<long> itemIds, LabelMatrix matrix,
        double[,] probabilities, long[] labelIds, System.Data.Common.DbTransaction tx)
    {
        var existing = new Dictionary<long, (string LabelIdsJson, string? ProbabilitiesJson)>();
        var previous = db.Annotations.AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.Author == author)
            .OrderBy(a => a.Id)
            .Select(a => new { a.ItemId, a.LabelIdsJson, a.ProbabilitiesJson });
        await foreach (var a in previous.AsAsyncEnumerable())
            existing[a.ItemId] = (a.LabelIdsJson, a.ProbabilitiesJson); // the latest per item wins
        await using var writer = new AnnotationBulkWriter(db.Database.GetDbConnection(), projectId, time.GetUtcNow().ToUnixTimeMilliseconds()) { Transaction = tx };
        var k = labelIds.Length;
        var written = 0;
        for (var i = 0; i < matrix.Rows; i++)
        {
            if (!Covered(matrix.Row(i)))
                continue;
            var best = 0;
            var byLabel = new SortedDictionary<long, double>();
            for (var c = 0; c < k; c++)
            {
                byLabel[labelIds[c]] = Math.Round(probabilities[i, c], 6);
                if (probabilities[i, c] > probabilities[i, best])
                    best = c;
            }
            var labels = JsonIds.Write([labelIds[best]]);
            var probs = JsonSerializer.Serialize(byLabel.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value));
            if (existing.TryGetValue(itemIds[i], out var old) && old.LabelIdsJson == labels && old.ProbabilitiesJson == probs)
                continue; // same version, same answer: nothing new to record
            writer.Insert(itemIds[i], author, AnnotationKind.Programmatic.ToWire(), [labelIds[best]], probabilities[i, best], probs, taxonomyVersion);
            written++;
        }
        return written;
    }

    private static bool Covered(ReadOnlySpan<short> row)
    {
        foreach (var v in row)
        {
            if (v != LabelIndex.Abstain)
                return true;
        }
        return false;
    }

    private static long[] MapLabels(IReadOnlyList<string> names, LabelResolver resolver)
    {
        var ids = new long[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            ids[i] = resolver.FindLive(names[i]) is { Status: LabelStatus.Active } match ? match.Id : throw LabelforgeException.Invalid(
                $"LF set label '{names[i]}' is not an active label of this project; add it with `labelforge taxonomy PROJECT add {names[i]}` or fix `labels:`.");
        }
        return ids;
    }
}
