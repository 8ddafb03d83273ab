using Labelforge.Core.Annotations;
using Labelforge.Core.Counts;
using Labelforge.Core.Data;
using Labelforge.Core.Import.Labels;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Import.Readers.Images;
using Labelforge.Core.Import.Readers.LabelStudio;
using Labelforge.Core.Import.Writing;
using Labelforge.Core.Media;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelforge.Core.Import;

/// <summary>
/// The row loop of one import: takes chunks from the reader task, checks rows and resolves their labels, queues
/// them in the SQL writer, adds pre-annotations of the items that went in, and (unless strict) commits every
/// <see cref="ImportOptions.BatchSize"/> rows so a crash keeps the batches before it.
/// </summary>
internal sealed class ImportRun(LabelforgeDb db, TaxonomyOperations taxonomy, Project project, ImportBatch batch,
    ImportLabelMap labels, ImportLabelRules rules, ImportSqlWriter writer, ImportState state, ImportedItemsState stored) : IAsyncDisposable
{
    private IDbContextTransaction _tx = null!;

    /// <summary>The open transaction; renewed at each batch boundary, so read it back after <see cref="WriteAsync"/>.</summary>
    public IDbContextTransaction Transaction
    {
        get => _tx;
        set
        {
            _tx = value;
            writer.Transaction = value.GetDbTransaction();
        }
    }

    public async Task WriteAsync(IAsyncEnumerable<ImportEntry> entries, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var sinceCommit = 0;
        await using (var pipeline = new ImportPipeline(entries, ct))
        {
            await foreach (var chunk in pipeline.ReadAllAsync(ct))
            {
                for (var i = 0; i < chunk.Count; i++)
                {
                    if (await AddRowAsync(chunk.Entries[i], chunk.Hashes[i], ct))
                        Written(writer.Flush());
                    if (++sinceCommit < state.Options.BatchSize)
                        continue;
                    Written(writer.Flush());
                    await stored.AddAsync(ct);
                    sinceCommit = 0;
                    // A strict import stays one transaction; its state is still written per batch, so memory stays flat.
                    if (state.Options.Strict)
                        continue;
                    await _tx.CommitAsync(ct);
                    await _tx.DisposeAsync();
                    Transaction = await db.Database.BeginTransactionAsync(ct);
                    await ImportConnection.EnsureProjectAsync(db, project.Id, ct);
                    progress?.Report(state.Progress);
                }
            }
        }
        Written(writer.Flush());
    }

    /// <summary>Checks a row and queues it for the writer; true when the writer has a full statement to flush.</summary>
    private async Task<bool> AddRowAsync(ImportEntry entry, byte[]? hash, CancellationToken ct)
    {
        state.Rows++;
        if (entry.Ignored is { } ignored)
        {
            state.Ignored[ignored.Message] = state.Ignored.GetValueOrDefault(ignored.Message) + 1;
            return false;
        }
        if (entry.Error is { } error || entry.Record is not { } record || hash is null)
        {
            state.AddError(entry.Error ?? new ImportError("?", 0, null, "reader returned an empty entry"));
            return false;
        }
        List<(ImportedAnnotation Source, AnnotationValue Value)>? resolved = null;
        foreach (var annotation in record.Annotations)
        {
            var value = await ValueAsync(annotation, record, ct);
            if (value.Problem is { } problem)
            {
                state.AddError(new ImportError(record.Source, record.Line, annotation.Field ?? "label", problem));
                return false;
            }
            (resolved ??= new(record.Annotations.Count)).Add((annotation, value.Value!));
            RememberControl(annotation);
        }
        return writer.Add(new PendingItem(record, hash, resolved));
    }

    /// <summary>
    /// The value an imported annotation stores, in the project's kind (the one switch on the task type of the import):
    /// class labels after <see cref="ImportLabelRules"/>, or spans with their labels mapped and checked against the
    /// text (<see cref="SpanRules"/>: offsets and overlaps; imports keep the file's offsets, so no token snapping), or
    /// objects with their labels mapped and checked against the image's recorded size (<see cref="ObjectRules"/>).
    /// </summary>
    private async Task<(AnnotationValue? Value, string? Problem)> ValueAsync(ImportedAnnotation annotation, ImportRecord record, CancellationToken ct)
    {
        var text = record.Text;
        var valueKind = TaskTypes.ValueKind(project.TaskType);
        var spansProject = valueKind == AnnotationValueKind.Spans;
        if (valueKind == AnnotationValueKind.Objects || annotation.Objects is not null)
            return await ObjectsAsync(annotation, record, valueKind, ct);
        if (annotation.Spans is null)
        {
            if (spansProject)
                return (null, $"project '{project.Name}' is text-spans, so rows need spans (import with --format conll, spacy-jsonl or label-studio), not whole-item labels");
            var ids = await ResolveAsync(annotation, ct);
            return ids.Problem is null ? (new ClassLabelsValue(ids.Ids), null) : (null, ids.Problem);
        }
        if (!spansProject)
            return (null, $"the row has spans, but project '{project.Name}' is {project.TaskType}; import spans into a project created with --type text-spans");
        var names = annotation.Spans.Select(s => s.Label).Distinct().ToArray();
        var mapped = await labels.MapAsync(names, state.Options.CreateLabels, name => CreateLabelAsync(name, ct));
        if (mapped.Problem is { } labelProblem)
            return (null, labelProblem);
        var byName = names.Zip(mapped.Ids).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        var spans = annotation.Spans.Select(s => new LabeledSpan(s.Start, s.End, byName[s.Label])).ToArray();
        if (SpanRules.Check(spans, text, snapTo: null, project.OverlappingSpans) is { } problem)
            return (null, problem);
        return (new SpansValue(spans), null);
    }

    private async Task<(AnnotationValue? Value, string? Problem)> ObjectsAsync(ImportedAnnotation annotation, ImportRecord record, AnnotationValueKind valueKind, CancellationToken ct)
    {
        if (valueKind != AnnotationValueKind.Objects)
            return (null, $"the row has objects (boxes or polygons), but project '{project.Name}' is {project.TaskType}; import objects into a project created with --type image-objects");
        if (annotation.Objects is not { } imported)
            return (null, $"project '{project.Name}' is image-objects, so annotations need boxes or polygons, not whole-item labels or spans");
        if (imported.Any(o => o.InPercent))
            return (null, "Label Studio image results are in percent of the image; import Label Studio image tasks from the CLI (`labelforge import PROJECT FILE --format label-studio --images DIR`), which reads the image sizes");
        var names = imported.Select(o => o.Label).Distinct().ToArray();
        var mapped = await labels.MapAsync(names, state.Options.CreateLabels, name => CreateLabelAsync(name, ct));
        if (mapped.Problem is { } labelProblem)
            return (null, labelProblem);
        var byName = names.Zip(mapped.Ids).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        foreach (var o in imported.Where(o => o.CategoryId is not null))
            _cocoCategories.TryAdd(byName[o.Label], o.CategoryId!.Value);
        var objects = imported.Select(o => new ImageObject(byName[o.Label], o.Box, o.Polygon) { Attributes = o.Attributes }).ToArray();
        if (ObjectRules.Check(objects, ImageSize.Of(record.DataJson)) is { } problem)
            return (null, problem);
        return (new ObjectsValue(objects), null);
    }

    /// <summary>The label ids of an annotation after <see cref="ImportLabelRules"/>, or the problem that makes its row bad.</summary>
    private async Task<(long[] Ids, string? Problem)> ResolveAsync(ImportedAnnotation annotation, CancellationToken ct)
    {
        var (names, problem) = rules.Names(annotation.Labels);
        if (problem is not null)
            return ([], problem);
        var ids = await labels.MapAsync(names, state.Options.CreateLabels, name => CreateLabelAsync(name, ct));
        if (ids.Problem is { } labelProblem)
            return ([], labelProblem);
        return rules.Apply(annotation, ids.Ids, names);
    }

    private readonly Dictionary<long, long> _cocoCategories = [];

    /// <summary>The COCO category id each label first came with in this import (label id → category id).</summary>
    public IReadOnlyDictionary<long, long> CocoCategories => _cocoCategories;

    /// <summary>The first Label Studio control names the import brought; the project takes them at the end if it has none.</summary>
    public LabelStudioControl? Control { get; private set; }

    private void RememberControl(ImportedAnnotation annotation) => Control ??= annotation.Control;

    /// <summary>Counts what a flush wrote and adds the pre-annotations of the items that went in.</summary>
    private void Written(IReadOnlyList<(PendingItem Item, long Id)> written)
    {
        foreach (var (item, id) in written)
        {
            if (id == 0)
            {
                state.Skipped++;
                continue;
            }
            state.Imported++;
            stored.Add(id, item.Annotations?.Any(a => ImportedItemsState.Decides(a.Source.Kind)) == true);
            foreach (var (source, value) in item.Annotations ?? [])
            {
                var author = source.Author ?? $"import:{batch.Id}";
                writer.InsertAnnotation(id, author, source, value, project.TaxonomyVersion);
                state.Annotations++;
            }
        }
    }

    private async Task<long> CreateLabelAsync(string name, CancellationToken ct)
    {
        var view = await taxonomy.AddAsync(project.Id, new NewLabel(name), "import", ct);
        await db.Entry(project).ReloadAsync(ct);
        return view.Id;
    }

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
