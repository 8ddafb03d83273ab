using Labelforge.Core.Agreement;
using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.Consensus;
using Labelforge.Engine.Spans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelforge.Core.Consensus;

/// <summary>
/// Consensus spans of a text-spans project: on every item at least <see cref="SpanConsensusRequest.MinAnnotators"/>
/// people annotated (<see cref="PersonSpans"/>), majority over identical spans (<see cref="SpanConsensus.Majority"/>)
/// or span-level Dawid–Skene over all the project's items at once (<see cref="SpanConsensus.DawidSkene"/>, overlaps
/// resolved as the project allows), stored as one annotation of kind consensus per item, authored
/// <c>consensus:METHOD@RUN</c> (RUN counts the project's consensus runs up from 1), as class-label and box consensus are.
/// An item whose annotators agree on no span gets an empty annotation: the consensus is "no entities".
/// </summary>
public sealed class SpanConsensusOperations(LabelforgeDb db, TimeProvider time, ProjectOperations projects, TaxonomyOperations taxonomy, AnnotationOperations annotations)
{
    private const string AuthorPrefix = "consensus:";

    public async Task<SpanConsensusResult> RunAsync(long projectId, SpanConsensusRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Validate();
        var data = await PersonSpans.LoadAsync(projects, taxonomy, annotations, projectId,
            "span consensus needs a text-spans project (class-label projects take `consensus PROJECT --method M`, image-objects projects fuse boxes).", ct);
        var keep = Enumerable.Range(0, data.Items.Count).Where(i => data.Items[i].Count(a => a is not null) >= request.MinAnnotators).ToArray();
        var items = keep.Select(i => data.Items[i]).ToArray();
        var (spans, iterations, converged) = Infer(method, items, data.Project.OverlappingSpans, request.Seed);
        var run = await NextRunAsync(projectId, ct);
        var author = $"{AuthorPrefix}{method}@{run}";
        if (items.Length > 0)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using (var writer = new AnnotationBulkWriter(db.Database.GetDbConnection(), projectId, time.GetUtcNow().ToUnixTimeMilliseconds())
            { Transaction = tx.GetDbTransaction() })
            {
                for (var k = 0; k < keep.Length; k++)
                {
                    var value = new SpansValue(spans[k]!.Select(s => new LabeledSpan(s.Start, s.End, data.LabelIds[s.Label])));
                    writer.Insert(data.ItemIds[keep[k]], author, AnnotationKind.Consensus.ToWire(), value, null, null, data.Project.TaxonomyVersion);
                }
            }
            await tx.CommitAsync(ct);
        }
        return new SpanConsensusResult(author, method, items.Length, spans.Sum(s => (long)s!.Count), spans.Count(s => s!.Count == 0),
            data.Annotators.Count, iterations, converged);
    }

    private static (IReadOnlyList<LabeledRange>?[] Spans, int Iterations, bool Converged) Infer(string method, IReadOnlyList<LabeledRange>?[][] items,
        bool overlapping, int seed)
    {
        if (method == SpanConsensusRequest.Majority)
            return (SpanConsensus.Majority(items), 1, true);
        var fit = SpanConsensus.DawidSkene(items, overlapping, new ConsensusOptions { Seed = seed });
        return (fit.Spans, fit.Iterations, fit.Converged);
    }

    /// <summary>One more than the highest RUN of the project's consensus authors (a project's consensus is of one kind, its task type's).</summary>
    private async Task<int> NextRunAsync(long projectId, CancellationToken ct)
    {
        var consensus = AnnotationKind.Consensus.ToWire();
        var authors = await db.Annotations.Where(a => a.ProjectId == projectId && a.Kind == consensus && a.Author.StartsWith(AuthorPrefix))
            .Select(a => a.Author).Distinct().ToListAsync(ct);
        return authors.Select(a => int.TryParse(a.AsSpan(a.LastIndexOf('@') + 1), out var r) ? r : 0).DefaultIfEmpty(0).Max() + 1;
    }
}
