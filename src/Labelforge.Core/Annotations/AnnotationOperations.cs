using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Annotations;

/// <summary>Append-only annotation events: submit, per-item history and current labels.</summary>
public sealed class AnnotationOperations(LabelforgeDb db, TimeProvider time, TaxonomyOperations taxonomy)
{
    public async Task<SubmitResult> SubmitAsync(long projectId, NewAnnotation request, CancellationToken ct = default)
    {
        RequestLimits.Check(request.LabelIds?.Count, RequestLimits.MaxLabelsPerAnnotation, "label_ids");
        RequestLimits.Check(request.Labels?.Count, RequestLimits.MaxLabelsPerAnnotation, "labels");
        RequestLimits.Check(request.Spans?.Count, RequestLimits.MaxLabelsPerAnnotation, "spans");
        RequestLimits.Check(request.Probabilities?.Count, RequestLimits.MaxLabelsPerAnnotation, "probabilities");
        var project = await RequireProject.FindAsync(db.Projects.AsNoTracking(), projectId, ct);
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var kind = TaskTypes.ValueKind(project.TaskType);
        if (string.IsNullOrWhiteSpace(request.Author))
            throw LabelforgeException.Invalid("An annotation needs an author.");
        var author = request.Author.Trim();
        if (request.RequestId is { } requestId && await FindByRequestAsync(db, projectId, author, requestId, ct) is { } earlier)
            return new SubmitResult(ToView(earlier, resolver, kind), Created: false);
        if (!await db.Items.AnyAsync(i => i.Id == request.ItemId && i.ProjectId == projectId, ct))
            throw LabelforgeException.NotFound($"No item {request.ItemId} in project '{project.Name}'.");

        var value = await AnnotationValues.FromRequestAsync(db, project, request, resolver, ct);
        var labelIds = value.LabelIds;
        var supersedes = await SupersededAsync(request, ct);
        var suggestion = await SuggestionOutcomes.ResolveAsync(db, resolver, request, value, ct);
        var annotation = new Annotation
        {
            ProjectId = projectId,
            ItemId = request.ItemId,
            Author = author,
            Kind = request.Kind.ToWire(),
            LabelIdsJson = AnnotationValueJson.Write(value),
            Confidence = request.Confidence,
            ProbabilitiesJson = AnnotationValidation.Probabilities(request.Probabilities, resolver),
            TaxonomyVersion = project.TaxonomyVersion,
            GuidelineVersion = project.GuidelineVersion,
            TimeSpentMs = request.TimeSpentMs,
            CreatedAt = time.GetUtcNow(),
            SupersedesId = supersedes,
            RequestId = request.RequestId,
            SuggestionAnnotationId = request.SuggestionAnnotationId,
            SuggestionOutcome = suggestion,
        };
        try
        {
            using var gate = await WriteGate.EnterAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Annotations.Add(annotation);
            await db.SaveChangesAsync(ct);
            db.AnnotationLabels.AddRange(labelIds.Select(l => new AnnotationLabel
            {
                AnnotationId = annotation.Id, LabelId = l, ItemId = annotation.ItemId, ProjectId = projectId,
            }));
            await db.SaveChangesAsync(ct);
            if (request.Kind == AnnotationKind.Human)
                await Queues.Overlap.OverlapRule.AfterLabelAsync(db, projectId, annotation.ItemId, annotation.Author, ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException) when (request.RequestId is not null)
        {
            // A concurrent retry of the same author with the same request id won the unique index: return its row.
            // Another author's use of the id is a different key, so it can neither collide nor be answered here.
            db.ChangeTracker.Clear();
            var winner = await FindByRequestAsync(db, projectId, author, request.RequestId, ct) ?? throw new InvalidOperationException("request id conflict without a stored row");
            return new SubmitResult(ToView(winner, resolver, kind), Created: false);
        }
        return new SubmitResult(ToView(annotation, resolver, kind), Created: true);
    }

    /// <summary>Every annotation of an item, oldest first.</summary>
    public async Task<IReadOnlyList<AnnotationView>> HistoryAsync(long projectId, long itemId, CancellationToken ct = default)
    {
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var taskType = await db.Projects.Where(p => p.Id == projectId).Select(p => p.TaskType).FirstOrDefaultAsync(ct);
        var kind = TaskTypes.ValueKind(taskType ?? TaskTypes.TextClassification);
        var rows = await db.Annotations.AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.ItemId == itemId)
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        return rows.Select(a => ToView(a, resolver, kind)).ToList();
    }

    /// <summary>The current labels of an item: the latest annotation of each author.</summary>
    public async Task<IReadOnlyList<AnnotationView>> CurrentAsync(long projectId, long itemId, CancellationToken ct = default)
    {
        var history = await HistoryAsync(projectId, itemId, ct);
        return history.GroupBy(a => a.Author).Select(g => g.Last()).OrderBy(a => a.Id).ToList();
    }

    /// <summary>Annotations that are the latest of their (item, author): the "current labels" query.</summary>
    public IQueryable<Annotation> Current(long projectId) =>
        db.Annotations.Where(a => a.ProjectId == projectId
            && !db.Annotations.Any(b => b.ItemId == a.ItemId && b.Author == a.Author && b.Id > a.Id));

    /// <summary>
    /// The suggestion to show for each of <paramref name="itemIds"/> that has a model annotation: the latest one,
    /// unless one of its labels has since been retired (deprecated or split), since it could not be accepted.
    /// <paramref name="kind"/> is the project's value kind (the caller has read its task type): spans have their own.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, ModelSuggestion>> SuggestionsAsync(long projectId, IReadOnlyCollection<long> itemIds, AnnotationValueKind kind, CancellationToken ct = default)
    {
        var ids = itemIds.ToList();
        if (kind != AnnotationValueKind.ClassLabels)
            return await PreAnnotationSuggestionsAsync(projectId, ids, kind, ct);
        var model = AnnotationKind.Model.ToWire();
        var rows = await db.Annotations.AsNoTracking()
            .Where(a => a.ProjectId == projectId && ids.Contains(a.ItemId) && a.Kind == model
                && !db.Annotations.Any(b => b.ItemId == a.ItemId && b.Kind == model && b.Id > a.Id))
            .ToListAsync(ct);
        if (rows.Count == 0)
            return new Dictionary<long, ModelSuggestion>();
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var result = new Dictionary<long, ModelSuggestion>();
        foreach (var a in rows)
        {
            var labels = JsonIds.Read(a.LabelIdsJson).Select(resolver.Resolve).Distinct().ToArray();
            if (labels.Any(l => resolver.Find(l)?.Status != LabelStatus.Active))
                continue;
            var confidence = a.Confidence ?? TopProbability(a.ProbabilitiesJson, labels);
            result[a.ItemId] = new ModelSuggestion(a.Id, a.Author, labels, resolver.Lookup.References(labels), confidence);
        }
        return result;
    }

    /// <summary>
    /// Span and object suggestions: the latest annotation of kind model, programmatic or import on each item, whose
    /// spans or objects the annotator accepts or corrects. Parts with a retired label are left out (the rest can still
    /// be accepted).
    /// </summary>
    private async Task<IReadOnlyDictionary<long, ModelSuggestion>> PreAnnotationSuggestionsAsync(long projectId, List<long> ids, AnnotationValueKind kind, CancellationToken ct)
    {
        var kinds = SuggestionOutcomes.Kinds(kind);
        var rows = await db.Annotations.AsNoTracking()
            .Where(a => a.ProjectId == projectId && ids.Contains(a.ItemId) && kinds.Contains(a.Kind)
                && !db.Annotations.Any(b => b.ItemId == a.ItemId && kinds.Contains(b.Kind) && b.Id > a.Id))
            .ToListAsync(ct);
        var result = new Dictionary<long, ModelSuggestion>();
        if (rows.Count == 0)
            return result;
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        foreach (var a in rows)
        {
            if (kind == AnnotationValueKind.Objects)
            {
                var objects = ObjectViews(((ObjectsValue)AnnotationValueJson.Read(a.LabelIdsJson, kind)).Objects, resolver)
                    .Where(o => resolver.Find(o.LabelId)?.Status == LabelStatus.Active).ToArray();
                var used = objects.Select(o => o.LabelId).Distinct().Order().ToArray();
                result[a.ItemId] = new ModelSuggestion(a.Id, a.Author, used, resolver.Lookup.References(used), a.Confidence) { Objects = objects };
                continue;
            }
            var spans = SpanViews(AnnotationValueJson.ReadSpans(a.LabelIdsJson), resolver)
                .Where(s => resolver.Find(s.LabelId)?.Status == LabelStatus.Active).ToArray();
            var labels = spans.Select(s => s.LabelId).Distinct().Order().ToArray();
            result[a.ItemId] = new ModelSuggestion(a.Id, a.Author, labels, resolver.Lookup.References(labels), a.Confidence) { Spans = spans };
        }
        return result;
    }

    private static double? TopProbability(string? probabilitiesJson, long[] labels)
    {
        if (probabilitiesJson is null || labels.Length != 1)
            return null;
        return ProbabilityJson.Read(probabilitiesJson).TryGetValue(labels[0], out var p) ? p : null;
    }

    /// <summary>
    /// The author's earlier annotation with this request id: a request id is its author's idempotency key (unique per
    /// project, author and id), so a retry finds only its own author's row and never another person's label.
    /// </summary>
    internal static Task<Annotation?> FindByRequestAsync(LabelforgeDb db, long projectId, string author, string requestId, CancellationToken ct) =>
        db.Annotations.AsNoTracking().FirstOrDefaultAsync(a => a.ProjectId == projectId && a.Author == author && a.RequestId == requestId, ct);

    private async Task<long?> SupersededAsync(NewAnnotation request, CancellationToken ct)
    {
        if (request.SupersedesId is { } explicitId)
        {
            var ok = await db.Annotations.AnyAsync(a => a.Id == explicitId && a.ItemId == request.ItemId, ct);
            return ok ? explicitId : throw LabelforgeException.Invalid($"Annotation {explicitId} is not an annotation of item {request.ItemId}.");
        }
        return await db.Annotations
            .Where(a => a.ItemId == request.ItemId && a.Author == request.Author.Trim())
            .OrderByDescending(a => a.Id)
            .Select(a => (long?)a.Id)
            .FirstOrDefaultAsync(ct);
    }

    internal static AnnotationView ToView(Annotation a, LabelResolver resolver, AnnotationValueKind kind)
    {
        var value = AnnotationValueJson.Read(a.LabelIdsJson, kind);
        var ids = value.LabelIds;
        var spans = value is SpansValue s ? SpanViews(s.Spans, resolver) : null;
        var objects = value is ObjectsValue o ? ObjectViews(o.Objects, resolver) : null;
        var probabilities = a.ProbabilitiesJson is null ? null : ProbabilityJson.ReadRaw(a.ProbabilitiesJson);
        return new AnnotationView(a.Id, a.ItemId, a.Author, a.Kind, ids, resolver.Lookup.References(ids), a.Confidence,
            probabilities, a.TaxonomyVersion, a.TimeSpentMs, a.CreatedAt, a.SupersedesId, a.RequestId, a.SuggestionAnnotationId, a.SuggestionOutcome)
        { Spans = spans, Objects = objects };
    }

    /// <summary>Stored objects with their labels resolved through merges and named by their references.</summary>
    internal static ObjectView[] ObjectViews(IReadOnlyList<ImageObject> objects, LabelResolver resolver) =>
        [.. objects.Select(o => ObjectView.Of(o, resolver.Resolve(o.LabelId), resolver.Lookup.ReferenceOf(resolver.Resolve(o.LabelId))))];

    /// <summary>Stored spans with their labels resolved through merges and named by their references.</summary>
    internal static SpanView[] SpanViews(IReadOnlyList<LabeledSpan> spans, LabelResolver resolver) =>
        [.. spans.Select(s => new SpanView(s.Start, s.End, resolver.Resolve(s.LabelId), resolver.Lookup.ReferenceOf(resolver.Resolve(s.LabelId))))];
}
