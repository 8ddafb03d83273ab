using System.Diagnostics;
using Labelforge.Core.Annotations;
using Labelforge.Core.Audit;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.LabelingFunctions.Projects.Fitting;
using Labelforge.Core.LabelingFunctions.Sets;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.WeakSupervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>
/// Programmatic labeling on a project, in three steps the web page drives one by one and `lf apply PROJECT`
/// runs together: save the LF set as a new version when it changed (nothing stored when it has errors), apply
/// the latest version to every item (re-using stored votes of unchanged functions on old items) into the stored
/// label matrix, and fit a label model on that matrix, writing its probabilistic labels as programmatic
/// annotations authored lf:{set}@{version} on covered items.
/// </summary>
public sealed class LabelingFunctionProjectOperations(LabelforgeDb db, TimeProvider time, TaxonomyOperations taxonomy, AuditLog audit)
{
    /// <summary>Save, apply and fit in one go (the CLI's `lf apply PROJECT`); set errors throw with file:line:column.</summary>
    public async Task<LabelingFunctionProjectResult> ApplyAsync(long projectId, string setName, string yaml, string yamlPath, LabelingFunctionFiles files,
        string model = LabelModels.Default, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var saved = await SaveAsync(projectId, setName, yaml, yamlPath, files, ct);
        if (saved.Errors.Count > 0)
        {
            throw LabelforgeException.Invalid("The LF set has errors:" + Environment.NewLine
                + string.Join(Environment.NewLine, saved.Errors.Select(e => $"{e.File ?? yamlPath}:{e.Line}:{e.Column}: {e.Message}")));
        }
        var (applied, stored) = await ApplyLatestAsync(projectId, setName, yamlPath, files, ct);
        var fit = await FitStoredAsync(projectId, setName, stored, model, ct);
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var gold = await LabelingFunctionGoldLabels.LoadAsync(db, projectId, fit.ClassBalance.Select(c => c.Label).ToList(), resolver, ct);
        var analysis = LabelingFunctionAnalysis.Analyze(stored.Matrix, LabelingFunctionGoldLabels.Align(gold, stored.ItemIds));
        return new LabelingFunctionProjectResult(setName, saved.Version, saved.NewVersion, fit.Author, fit.Model, applied.Items, applied.NewItems,
            applied.ReusedFunctions, applied.Functions, applied.Faults, applied.FirstFaults, analysis,
            fit.ClassBalance.ToDictionary(c => c.Label, c => c.Prior), fit.Annotations, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Validates <paramref name="yaml"/> (YAML, functions, C# compilation, labels against the project's taxonomy)
    /// and stores it as a new version when it differs from the latest; with errors nothing is stored.
    /// </summary>
    public async Task<LabelingFunctionSaveResult> SaveAsync(long projectId, string setName, string yaml, string yamlPath, LabelingFunctionFiles files, CancellationToken ct = default)
    {
        ValidateSetName(setName);
        var project = await RequireProjectAsync(projectId, ct);
        var spans = TaskTypes.ValueKind(project.TaskType) == AnnotationValueKind.Spans;
        if (!spans)
            TaskTypes.RequireClassLabels(project, "Labeling functions");
        var latest = await LatestAsync(projectId, setName, ct);
        var outline = LabelingFunctionSetOutline.Read(yaml);
        var loaded = LabelingFunctionSetLoader.LoadText(yaml, yamlPath, files, spans);
        var errors = loaded.Errors.Select(e => outline.Place(e, yamlPath)).ToList();
        if (loaded.Set is { } set)
        {
            var resolver = await taxonomy.ResolverAsync(projectId, ct);
            errors.AddRange(set.Labels.Select(l => LabelProblem(resolver, l)).OfType<string>().Select(message => new LabelingFunctionSetProblem(outline.LabelsLine, 1, null, null, message)));
            if (spans)
                errors.AddRange(set.Functions.Where(f => !f.EmitsSpans).Select(f => SpanProblem(outline, f)));
        }
        if (errors.Count > 0)
            return new LabelingFunctionSaveResult(setName, latest?.Version ?? 0, false, errors);
        if (latest is not null && latest.Yaml == yaml)
            return new LabelingFunctionSaveResult(setName, latest.Version, false, []);
        var version = (latest?.Version ?? 0) + 1;
        db.LabelingFunctionSetVersions.Add(new LabelingFunctionSetVersion { ProjectId = projectId, Name = setName, Version = version, Yaml = yaml, CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.LabelingFunctionSetSaved, projectId, setName, new
        {
            version, sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(yaml))), length = yaml.Length,
        }, ct);
        return new LabelingFunctionSaveResult(setName, version, true, []);
    }

    /// <summary>Applies the latest saved version of the set to every item and stores the label matrix.</summary>
    public async Task<LabelingFunctionApplySummary> ApplySavedAsync(long projectId, string setName, LabelingFunctionFiles files, CancellationToken ct = default) =>
        (await ApplyLatestAsync(projectId, setName, $"{setName}.yaml", files, ct)).Summary;

    /// <summary>Fits <paramref name="model"/> on the stored label matrix and writes its labels as programmatic annotations.</summary>
    public async Task<LabelingFunctionFitResult> FitAsync(long projectId, string setName, string model = LabelModels.Default, CancellationToken ct = default)
    {
        RequireVotes(await RequireProjectAsync(projectId, ct));
        var stored = await LabelingFunctionMatrixStore.LoadAsync(db, projectId, setName, ct)
            ?? throw LabelforgeException.Conflict($"LF set '{setName}' has not been applied yet; apply it first.");
        return await FitStoredAsync(projectId, setName, stored, model, ct);
    }

    /// <summary>Versions of a project's LF set, newest last.</summary>
    public async Task<IReadOnlyList<LabelingFunctionSetVersion>> VersionsAsync(long projectId, string setName, CancellationToken ct = default) =>
        await db.LabelingFunctionSetVersions.AsNoTracking().Where(v => v.ProjectId == projectId && v.Name == setName).OrderBy(v => v.Version).ToListAsync(ct);

    /// <summary>The set as an editor opens it: latest YAML (or a starter set), applied version and history.</summary>
    public async Task<LabelingFunctionSetState> StateAsync(long projectId, string setName, CancellationToken ct = default)
    {
        await RequireProjectAsync(projectId, ct);
        var versions = await VersionsAsync(projectId, setName, ct);
        var applied = await db.LabelingFunctionMatrixStates.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == projectId && s.SetName == setName, ct);
        var yaml = versions.Count > 0 ? versions[^1].Yaml : await StarterAsync(projectId, ct);
        return new LabelingFunctionSetState(setName, versions.Count > 0 ? versions[^1].Version : 0, yaml, applied?.Version, applied?.UpdatedAt,
            [.. versions.Select(v => new LabelingFunctionSetVersionInfo(v.Version, v.CreatedAt, v.Yaml.Split('\n').Length))]);
    }

    /// <summary>One saved version's YAML.</summary>
    public async Task<LabelingFunctionSetVersion> VersionAsync(long projectId, string setName, int version, CancellationToken ct = default) =>
        await db.LabelingFunctionSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ProjectId == projectId && v.Name == setName && v.Version == version, ct)
        ?? throw LabelforgeException.NotFound($"LF set '{setName}' has no version {version}.");

    /// <summary>The project's LF sets with their latest and applied versions.</summary>
    public async Task<IReadOnlyList<LabelingFunctionSetInfo>> SetsAsync(long projectId, CancellationToken ct = default)
    {
        await RequireProjectAsync(projectId, ct);
        var latest = await db.LabelingFunctionSetVersions.AsNoTracking().Where(v => v.ProjectId == projectId)
            .GroupBy(v => v.Name).Select(g => new { Name = g.Key, Version = g.Max(v => v.Version) }).ToListAsync(ct);
        var applied = await db.LabelingFunctionMatrixStates.AsNoTracking().Where(s => s.ProjectId == projectId).ToDictionaryAsync(s => s.SetName, s => s.Version, ct);
        return [.. latest.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new LabelingFunctionSetInfo(s.Name, s.Version, applied.TryGetValue(s.Name, out var a) ? a : null))];
    }

    private async Task<(LabelingFunctionApplySummary Summary, LabelingFunctionStoredMatrix Stored)> ApplyLatestAsync(long projectId, string setName, string yamlPath,
        LabelingFunctionFiles files, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        RequireVotes(await RequireProjectAsync(projectId, ct));
        var latest = await LatestAsync(projectId, setName, ct)
            ?? throw LabelforgeException.NotFound($"LF set '{setName}' has no saved version; save it first.");
        var loaded = LabelingFunctionSetLoader.LoadText(latest.Yaml, yamlPath, files);
        var set = loaded.Set ?? throw LabelforgeException.Invalid(
            $"LF set '{setName}' version {latest.Version} no longer loads (a file it names changed?):{Environment.NewLine}{string.Join(Environment.NewLine, loaded.Errors)}");
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var items = await LabelingFunctionProjectDocuments.LoadAsync(db, projectId, set, resolver, ct);
        var stored = await LabelingFunctionMatrixStore.LoadAsync(db, projectId, setName, ct);
        var previous = LabelingFunctionMatrixStore.AsPrevious(stored, items.Ids);
        var applied = LabelingFunctionApplier.Apply(set, items.Documents, previous: previous, cancellationToken: ct);
        var faults = LabelingFunctionMatrixStore.Faults(applied, stored, previous is not null);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await LabelingFunctionMatrixStore.SaveAsync(db, projectId, setName, latest.Version, applied, faults, items.Ids, time.GetUtcNow(), ct);
            await tx.CommitAsync(ct);
        }
        var coverage = LabelingFunctionAnalysis.Analyze(applied.Matrix, samples: 0).Coverage;
        var summary = new LabelingFunctionApplySummary(setName, latest.Version, applied.Matrix.Rows, applied.NewItems, applied.ReusedFunctions, coverage,
            applied.Names, faults, applied.FirstFaults, clock.Elapsed.TotalSeconds);
        return (summary, new LabelingFunctionStoredMatrix(latest.Version, applied.Names, applied.Fingerprints, faults, items.Ids, applied.Matrix));
    }

    private async Task<LabelingFunctionFitResult> FitStoredAsync(long projectId, string setName, LabelingFunctionStoredMatrix stored, string model, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var project = await RequireProjectAsync(projectId, ct);
        var labels = LabelingFunctionSetOutline.Read((await VersionAsync(projectId, setName, stored.Version, ct)).Yaml).Labels;
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var labelIds = labels.Select(l => LiveLabel(resolver, l)?.Id ?? throw LabelforgeException.Invalid(
            $"LF set label '{l}' is not an active label of this project; add it with `labelforge taxonomy PROJECT add {l}` or fix `labels:`.")).ToArray();
        var labelModel = LabelModels.Create(model);
        var diagnostics = labelModel.Fit(stored.Matrix, labels.Count);
        var probabilities = stored.Matrix.Rows == 0 ? new double[0, labels.Count] : labelModel.PredictProbabilities(stored.Matrix);
        var author = $"lf:{setName}@{stored.Version}";
        int written;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            written = await LabelingFunctionAnnotationWriter.WriteAsync(db, projectId, project.TaxonomyVersion, author, time.GetUtcNow().ToUnixTimeMilliseconds(),
                stored.ItemIds, stored.Matrix, probabilities, labelIds, tx.GetDbTransaction());
            await tx.CommitAsync(ct);
        }
        var gold = LabelingFunctionGoldLabels.Align(await LabelingFunctionGoldLabels.LoadAsync(db, projectId, labels, resolver, ct), stored.ItemIds);
        var outcome = LabelingFunctionFitOutcome.Summarize(stored.Matrix, probabilities, gold, labels, diagnostics.ClassBalance);
        return new LabelingFunctionFitResult(setName, stored.Version, author, labelModel.Name, stored.Matrix.Rows, outcome.Covered, written,
            diagnostics.Iterations, diagnostics.Converged, outcome.Balance,
            LabelingFunctionWeights.Compute(stored.Matrix, probabilities, stored.Names, labels.Count), outcome.HumanLabeled, outcome.HumanAccuracy,
            clock.Elapsed.TotalSeconds);
    }

    private Task<LabelingFunctionSetVersion?> LatestAsync(long projectId, string setName, CancellationToken ct) =>
        db.LabelingFunctionSetVersions.AsNoTracking().Where(v => v.ProjectId == projectId && v.Name == setName).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);

    private async Task<Project> RequireProjectAsync(long projectId, CancellationToken ct) =>
        await RequireProject.FindAsync(db.Projects.AsNoTracking(), projectId, ct);

    private async Task<string> StarterAsync(long projectId, CancellationToken ct)
    {
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var labels = resolver.All.Where(l => l.Status == LabelStatus.Active).OrderBy(l => l.Id).Select(l => resolver.Lookup.ReferenceOf(l.Id)).ToList();
        return LabelingFunctionStarterSet.Yaml(labels);
    }

    /// <summary>
    /// Refuses the label-matrix steps (apply into a matrix, fit a label model) on a text-spans project, whose functions
    /// mark spans instead (<see cref="Spans.SpanLabelingFunctionOperations"/>).
    /// </summary>
    private static void RequireVotes(Project project)
    {
        if (TaskTypes.ValueKind(project.TaskType) == AnnotationValueKind.Spans)
        {
            throw LabelforgeException.Invalid($"Project '{project.Name}' is text-spans: its labeling functions mark spans, and applying a set writes them as "
                + "span suggestions (`labelforge lf apply PROJECT --lfs FILE`, or POST .../labeling-function-sets/SET/spans); there is no label matrix or label model.");
        }
        TaskTypes.RequireClassLabels(project, "Labeling functions");
    }

    private static LabelingFunctionSetProblem SpanProblem(LabelingFunctionSetOutline outline, LabelingFunction function) =>
        new(outline.LineOf(function.Name), 1, function.Name, null,
            $"function '{function.Name}' ({function.Kind}) decides about whole items, but this project labels spans; use keyword, lookup or regex functions, whose matches become spans");

    internal static Label? LiveLabel(LabelResolver resolver, string name) => resolver.FindLive(name) is { Status: LabelStatus.Active } match ? match : null;

    /// <summary>Why a set's label text names no active label (unknown, or a bare name several labels share), or null.</summary>
    private static string? LabelProblem(LabelResolver resolver, string text)
    {
        var match = resolver.Lookup.Match(text);
        if (match.Ambiguous)
            return $"{resolver.Lookup.AmbiguityMessage(text, match)}; fix `labels:`";
        return match.Label is { Status: LabelStatus.Active } ? null
            : $"label '{text}' is not an active label of this project; add it to the taxonomy or fix `labels:`";
    }

    private static void ValidateSetName(string setName)
    {
        if (string.IsNullOrWhiteSpace(setName) || setName.Length > 64 || !setName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw LabelforgeException.Invalid($"LF set name '{setName}' must be 1-64 letters, digits, '-', '_' or '.'.");
    }
}
