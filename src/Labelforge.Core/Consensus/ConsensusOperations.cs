using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine;
using Labelforge.Engine.Consensus;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelforge.Core.Consensus;

/// <summary>
/// Consensus labels in a project: runs an engine method over the current human labels (latest per item and
/// annotator, <see cref="ProjectAnswers"/>), stores the run with each annotator's estimated quality, and writes one
/// <c>consensus</c> annotation per item with answers, authored <c>consensus:METHOD@RUN</c>, with the posterior of every
/// class as its probabilities. The engine sees exactly the answers `labelforge consensus --input` would read from a
/// file of the same labels, so both give the same posteriors.
/// </summary>
public sealed class ConsensusOperations(LabelforgeDb db, TaxonomyOperations taxonomy, TimeProvider time)
{
    public async Task<ConsensusOutcome> RunAsync(long projectId, ConsensusRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (name, method) = ConsensusMethods.Parse(request.Method);
        var started = time.GetTimestamp();
        var project = await RequireProject.FindAsync(db.Projects.AsNoTracking(), projectId, ct);
        TaskTypes.RequireClassLabels(project, "Consensus");
        if (project.MultiLabel)
            throw LabelforgeException.Invalid($"Consensus infers one label per item; project '{project.Name}' is multi-label.");
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var answers = ProjectAnswers.Read(db, projectId, resolver);
            if (answers.Answers.Count == 0)
                throw LabelforgeException.Invalid($"Project '{project.Name}' has no human labels to infer consensus from.");
            var result = ConsensusInference.Run(method, answers.Answers, new ConsensusOptions { Seed = request.Seed });
            using var gate = await WriteGate.EnterAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var run = new ConsensusRun
            {
                ProjectId = projectId,
                Method = name,
                Seed = request.Seed,
                CreatedAt = time.GetUtcNow(),
                Items = answers.ItemIds.Length,
                Annotators = answers.Annotators.Length,
                Answers = answers.Answers.Count,
                Iterations = result.Iterations,
                Converged = result.Converged,
                ThroughAnnotationId = answers.ThroughAnnotationId,
                ClassLabelIdsJson = JsonIds.Write(answers.LabelIds),
            };
            db.ConsensusRuns.Add(run);
            await db.SaveChangesAsync(ct);
            await WriteAnnotationsAsync(db, run, answers, result, project.TaxonomyVersion, tx.GetDbTransaction());
            var quality = Quality(run.Id, answers, result);
            db.ConsensusAnnotatorQuality.AddRange(quality);
            run.Seconds = Math.Round(time.GetElapsedTime(started).TotalSeconds, 4);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return new ConsensusOutcome(View(run, quality, resolver), answers, result);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Projects whose settings ask for background reruns (<see cref="ConsensusSettings.RerunEvery"/> above 0) and that got at
    /// least that many human labels since their latest run read (all of them before a first run), with the method and seed to run.
    /// </summary>
    public async Task<IReadOnlyList<(long ProjectId, ConsensusRequest Request)>> DueAsync(CancellationToken ct = default)
    {
        var human = AnnotationKind.Human.ToWire();
        // Only single-label classification projects, the ones RunAsync serves: a setting saved on another kind (before such
        // settings were refused) would fail each time it came due.
        var classification = db.Projects
            .Where(p => (p.TaskType == TaskTypes.TextClassification || p.TaskType == TaskTypes.ImageClassification) && !p.MultiLabel).Select(p => p.Id);
        var settings = await db.ConsensusSettings.AsNoTracking().Where(s => s.RerunEvery > 0 && classification.Contains(s.ProjectId)).ToListAsync(ct);
        var due = new List<(long, ConsensusRequest)>();
        foreach (var s in settings)
        {
            var through = await db.ConsensusRuns.Where(r => r.ProjectId == s.ProjectId).MaxAsync(r => (long?)r.ThroughAnnotationId, ct) ?? 0;
            var fresh = await db.Annotations.Where(a => a.ProjectId == s.ProjectId && a.Kind == human && a.Id > through).Take(s.RerunEvery).CountAsync(ct);
            if (fresh >= s.RerunEvery)
                due.Add((s.ProjectId, new ConsensusRequest(s.Method, s.Seed)));
        }
        return due;
    }

    /// <summary>The project's latest run with its annotator quality, or null before the first.</summary>
    public async Task<ConsensusRunView?> LatestAsync(long projectId, CancellationToken ct = default)
    {
        await RequireProject.ExistsAsync(db, projectId, ct);
        var run = await db.ConsensusRuns.AsNoTracking().Where(r => r.ProjectId == projectId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (run is null)
            return null;
        var quality = await db.ConsensusAnnotatorQuality.AsNoTracking().Where(q => q.RunId == run.Id).OrderBy(q => q.Annotator).ToListAsync(ct);
        return View(run, quality, await taxonomy.ResolverAsync(projectId, ct));
    }

    /// <summary>The project's runs, newest first, without their quality rows.</summary>
    public async Task<IReadOnlyList<ConsensusRunView>> RunsAsync(long projectId, CancellationToken ct = default)
    {
        await RequireProject.ExistsAsync(db, projectId, ct);
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var runs = await db.ConsensusRuns.AsNoTracking().Where(r => r.ProjectId == projectId).OrderByDescending(r => r.Id).ToListAsync(ct);
        return [.. runs.Select(r => View(r, [], resolver))];
    }

    private static async Task WriteAnnotationsAsync(LabelforgeDb db, ConsensusRun run, ProjectAnswers answers, ConsensusResult result, int taxonomyVersion,
        System.Data.Common.DbTransaction tx)
    {
        var k = result.ClassCount;
        var labelIds = answers.LabelIds;
        var probabilities = new KeyValuePair<long, double>[k];
        var kind = AnnotationKind.Consensus.ToWire();
        await using var writer = new ConsensusAnnotationWriter(db.Database.GetDbConnection(), tx, run.ProjectId, run.Author, kind, taxonomyVersion,
            run.CreatedAt.ToUnixTimeMilliseconds());
        for (var i = 0; i < answers.ItemIds.Length; i++)
        {
            var label = result.Labels[i];
            if (label == LabelIndex.Abstain)
                continue;
            for (var c = 0; c < k; c++)
                probabilities[c] = KeyValuePair.Create(labelIds[c], result.Posteriors[(i * k) + c]);
            writer.Add(answers.ItemIds[i], labelIds[label], Math.Round(result.Confidence(i), 6), ProbabilityJson.Write(probabilities, digits: 6));
        }
        writer.Flush();
    }

    private static List<ConsensusAnnotatorQuality> Quality(long runId, ProjectAnswers answers, ConsensusResult result)
    {
        var counts = new int[answers.Annotators.Length];
        foreach (var w in answers.Answers.Annotators)
            counts[w]++;
        var k = result.ClassCount;
        var rows = new List<ConsensusAnnotatorQuality>(counts.Length);
        for (var w = 0; w < counts.Length; w++)
        {
            string? confusion = null;
            if (result.AnnotatorConfusion is { } matrices)
            {
                var width = matrices.Length / (counts.Length * k);
                var matrix = new double[k][];
                for (var t = 0; t < k; t++)
                {
                    matrix[t] = new double[k];
                    for (var l = 0; l < k; l++)
                        matrix[t][l] = Math.Round(matrices[(((w * k) + t) * width) + l], 6);
                }
                confusion = JsonSerializer.Serialize(matrix);
            }
            rows.Add(new ConsensusAnnotatorQuality
            {
                RunId = runId,
                Annotator = answers.Annotators[w],
                Labels = counts[w],
                Skill = Math.Round(result.AnnotatorSkill[w], 6),
                ConfusionJson = confusion,
            });
        }
        return rows;
    }

    internal static ConsensusRunView View(ConsensusRun run, IEnumerable<ConsensusAnnotatorQuality> quality, LabelResolver resolver) => new(
        run.Id, run.Method, run.Author, run.Seed, run.CreatedAt, run.Items, run.Annotators, run.Answers, run.Iterations, run.Converged, run.Seconds,
        [.. JsonIds.Read(run.ClassLabelIdsJson).Select(id => resolver.Lookup.ReferenceOf(id))],
        [.. quality.OrderBy(q => q.Annotator, StringComparer.Ordinal).Select(q => new AnnotatorQualityView(q.Annotator, q.Labels, q.Skill,
            q.ConfusionJson is null ? null : JsonSerializer.Deserialize<double[][]>(q.ConfusionJson)))]);
}
