using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Scorecards;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.ActiveLearning;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Adjudication;

/// <summary>
/// Adjudication: the reviewers' queue of the items the latest consensus run labeled, most disputed (highest posterior
/// entropy) first, or flagged label errors first. Each item shows every annotator's current label with that
/// annotator's scorecard quality. A decision is an annotation of kind <c>review</c> by the reviewer that supersedes the
/// item's consensus annotation: it is the item's given label from then on (<see cref="AnnotationKinds.Given"/>), the
/// scorecards score annotators against it like a gold answer, and the item leaves the queue. Items with a review of any
/// kind (an adjudication or a label-error keep/fix) are decided; gold items are left out (their answer is known).
/// </summary>
public sealed class AdjudicationOperations(LabelforgeDb db, TaxonomyOperations taxonomy, ScorecardOperations scorecards, AnnotationOperations annotations)
{
    /// <summary>The most items one page holds.</summary>
    public const int MaxPageSize = 200;

    /// <summary>
    /// One page of the queue. <paramref name="labelErrorQuality"/> is the latest label-error run's label quality per flagged
    /// item (the server keeps those runs); <see cref="AdjudicationOrder.LabelError"/> needs it.
    /// </summary>
    public async Task<AdjudicationPage> QueueAsync(long projectId, string? order = null, int page = 1, int pageSize = 20,
        IReadOnlyDictionary<long, double>? labelErrorQuality = null, CancellationToken ct = default)
    {
        var orderName = AdjudicationOrder.Parse(order);
        if (page < 1 || pageSize is < 1 or > MaxPageSize)
            throw LabelforgeException.Invalid($"Ask for page 1 or later with a page_size between 1 and {MaxPageSize}.");
        if (orderName == AdjudicationOrder.LabelError && labelErrorQuality is null)
            throw LabelforgeException.Conflict("No label-error run to order by: find label errors first (Label errors tab), or order by disagreement.");
        var project = await RequireProject.FindAsync(db.Projects.AsNoTracking(), projectId, ct);
        TaskTypes.RequireClassLabels(project, "Adjudication");
        var run = await db.ConsensusRuns.AsNoTracking().Where(r => r.ProjectId == projectId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (run is null)
            return new AdjudicationPage(project.Name, null, null, orderName, 0, 0, page, pageSize, []);

        var consensus = await db.Annotations.AsNoTracking().Where(a => a.ProjectId == projectId && a.Author == run.Author)
            .Select(a => new Consensus(a.Id, a.ItemId, a.LabelIdsJson, a.Confidence, a.ProbabilitiesJson)).ToListAsync(ct);
        var review = AnnotationKind.Review.ToWire();
        var decided = (await db.Annotations.Where(a => a.ProjectId == projectId && a.Kind == review).Select(a => a.ItemId).Distinct().ToListAsync(ct)).ToHashSet();
        var gold = (await db.GoldItems.Where(g => g.ProjectId == projectId).Select(g => g.ItemId).ToListAsync(ct)).ToHashSet();
        var open = consensus.Where(c => !decided.Contains(c.ItemId) && !gold.Contains(c.ItemId))
            .Select(c => (Row: c, Entropy: Entropy(c.ProbabilitiesJson), Quality: labelErrorQuality?.GetValueOrDefault(c.ItemId, double.NaN) ?? double.NaN))
            .ToList();
        var ordered = orderName == AdjudicationOrder.LabelError
            ? open.OrderBy(o => double.IsNaN(o.Quality) ? 1 : 0).ThenBy(o => double.IsNaN(o.Quality) ? 0 : o.Quality).ThenByDescending(o => o.Entropy)
            : open.OrderByDescending(o => o.Entropy);
        var slice = ordered.ThenBy(o => o.Row.ItemId).Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize)).Take(pageSize).ToList();
        var items = await ItemsAsync(projectId, slice.Select(p => (p.Row, p.Entropy, p.Quality)).ToList(), ct);
        return new AdjudicationPage(project.Name, run.Id, run.Method, orderName, open.Count, consensus.Count(c => decided.Contains(c.ItemId)), page, pageSize, items);
    }

    /// <summary>Stores a reviewer's decision as a <c>review</c> annotation superseding the item's consensus annotation.</summary>
    public async Task<AdjudicationResult> DecideAsync(long projectId, AdjudicationDecision decision, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await TaskTypes.RequireClassLabelsAsync(db, projectId, "Adjudication", ct);
        if (string.IsNullOrWhiteSpace(decision.Reviewer))
            throw LabelforgeException.Invalid("A decision needs a reviewer name.");
        if (decision.LabelIds is not { Count: 1 })
            throw LabelforgeException.Invalid("A decision is one label: send label_ids with exactly one label id.");
        var retried = decision.RequestId is not null && await db.Annotations.AnyAsync(a => a.ProjectId == projectId && a.RequestId == decision.RequestId, ct);
        var run = await db.ConsensusRuns.AsNoTracking().Where(r => r.ProjectId == projectId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var consensus = run is null ? null
            : await db.Annotations.AsNoTracking().Where(a => a.ProjectId == projectId && a.ItemId == decision.ItemId && a.Author == run.Author)
                .Select(a => new { a.Id, a.LabelIdsJson }).FirstOrDefaultAsync(ct);
        if (consensus is null)
            throw LabelforgeException.Invalid($"Item {decision.ItemId} is not in the adjudication queue: the latest consensus run did not label it.");
        if (!retried)
        {
            var review = AnnotationKind.Review.ToWire();
            var earlier = await db.Annotations.AsNoTracking().Where(a => a.ItemId == decision.ItemId && a.ProjectId == projectId && a.Kind == review)
                .Select(a => a.Author).FirstOrDefaultAsync(ct);
            if (earlier is not null)
                throw LabelforgeException.Conflict($"Item {decision.ItemId} was already decided by {earlier}; refresh the queue.");
        }
        var result = await annotations.SubmitAsync(projectId, new NewAnnotation(decision.ItemId, decision.Reviewer, AnnotationKind.Review,
            LabelIds: decision.LabelIds, TimeSpentMs: decision.TimeSpentMs, SupersedesId: consensus.Id, RequestId: decision.RequestId), ct);
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var consensusLabel = JsonIds.Read(consensus.LabelIdsJson).Select(resolver.Resolve).ToList();
        var agrees = result.Annotation.LabelIds.Count == consensusLabel.Count && result.Annotation.LabelIds.All(consensusLabel.Contains);
        return new AdjudicationResult(result.Annotation, agrees, result.Created);
    }

    private async Task<List<AdjudicationItem>> ItemsAsync(long projectId, List<(Consensus Row, double Entropy, double Quality)> page, CancellationToken ct)
    {
        if (page.Count == 0)
            return [];
        var ids = page.Select(p => p.Row.ItemId).ToList();
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var texts = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => (i.ExternalId, i.Text), ct);
        var human = AnnotationKind.Human.ToWire();
        // Latest human label per item and annotator: the answers the consensus run read (and any since).
        var answers = (await db.Annotations.AsNoTracking().Where(a => ids.Contains(a.ItemId) && a.ProjectId == projectId && a.Kind == human)
                .OrderBy(a => a.Id).Select(a => new { a.Id, a.ItemId, a.Author, a.LabelIdsJson }).ToListAsync(ct))
            .GroupBy(a => (a.ItemId, a.Author)).Select(g => g.Last()).ToLookup(a => a.ItemId);
        var report = await scorecards.ReportAsync(projectId, ct);
        var cards = report.Annotators.ToDictionary(c => c.Annotator, StringComparer.Ordinal);
        return page.Select(p =>
        {
            var (externalId, text) = texts.GetValueOrDefault(p.Row.ItemId, (null, ""));
            var label = resolver.Resolve(JsonIds.Read(p.Row.LabelIdsJson).FirstOrDefault());
            var posterior = ProbabilityJson.Read(p.Row.ProbabilitiesJson).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
                .Select(kv => new AdjudicationProbability(kv.Key, resolver.Lookup.ReferenceOf(kv.Key), kv.Value)).ToList();
            var given = answers[p.Row.ItemId].OrderBy(a => a.Author, StringComparer.Ordinal).Select(a =>
            {
                var labels = JsonIds.Read(a.LabelIdsJson).Select(resolver.Resolve).Distinct().ToList();
                var card = cards.GetValueOrDefault(a.Author);
                return new AdjudicationAnswer(a.Author, a.Id, labels, resolver.Lookup.References(labels), card?.GoldAccuracy, card?.GoldCi95,
                    card?.AgreementWithConsensus, card?.Flagged ?? false);
            }).ToList();
            return new AdjudicationItem(p.Row.ItemId, externalId, text, resolver.Lookup.ReferenceOf(label), label, p.Row.Id,
                p.Row.Confidence ?? posterior.FirstOrDefault(x => x.LabelId == label)?.Probability ?? 0, posterior, Math.Round(p.Entropy, 6),
                double.IsNaN(p.Quality) ? null : p.Quality, given);
        }).ToList();
    }

    /// <summary>The posterior's entropy in nats (through the active-learning score, one definition of entropy).</summary>
    private static double Entropy(string? probabilitiesJson)
    {
        var p = ProbabilityJson.Read(probabilitiesJson).Values.Select(v => (float)v).ToArray();
        return UncertaintyScores.Entropy(p);
    }

    private sealed record Consensus(long Id, long ItemId, string LabelIdsJson, double? Confidence, string? ProbabilitiesJson);
}
