using Labelforge.Core.Agreement;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.Objects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelforge.Core.Consensus;

/// <summary>
/// Consensus boxes of an image-objects project: on every image at least <see cref="ObjectConsensusRequest.MinAnnotators"/>
/// people annotated, their boxes are fused by weighted boxes fusion (<see cref="WeightedBoxFusion"/>, every person's
/// box scored 1, same label, IoU &gt; 0.55), and the fused boxes whose confidence is at least
/// <see cref="ObjectConsensusRequest.MinScore"/> (the share of annotators whose boxes it fuses) are stored as one
/// annotation of kind consensus per image, authored <c>consensus:wbf@RUN</c> (RUN counts the project's runs up from 1).
/// Polygons are clustered the same way by polygon IoU (<see cref="PolygonFusion"/>), each cluster kept as its medoid
/// outline under the same confidence rule: vertices of two people's outlines do not correspond, so they are not averaged.
/// </summary>
public sealed class ObjectConsensusOperations(LabelforgeDb db, TimeProvider time, ProjectOperations projects, TaxonomyOperations taxonomy, AnnotationOperations annotations)
{
    public const string AuthorPrefix = "consensus:wbf@";

    public async Task<ObjectConsensusResult> RunAsync(long projectId, ObjectConsensusRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var data = await PersonObjects.LoadAsync(projects, taxonomy, annotations, projectId, "box consensus", ct);
        var previous = await db.Annotations.Where(a => a.ProjectId == projectId && a.Author.StartsWith(AuthorPrefix))
            .Select(a => a.Author).Distinct().ToListAsync(ct);
        var run = previous.Select(a => int.TryParse(a.AsSpan(AuthorPrefix.Length), out var r) ? r : 0).DefaultIfEmpty(0).Max() + 1;
        var author = $"{AuthorPrefix}{run}";
        var fused = new List<(long ItemId, ObjectsValue Value)>();
        foreach (var (itemId, answers) in data.Items)
        {
            var people = answers.Where(a => a is not null).Select(a => a!).ToArray();
            if (people.Length < request.MinAnnotators)
                continue;
            var boxes = people.Select(p => p.Boxes.Select((b, i) => (b, i)).Where(x => !x.b.IsPolygon)
                .Select(x => new ScoredBox(x.b.Bounds, p.Labels[x.i], 1)).ToArray()).ToArray();
            var polygons = people.Select(p => p.Boxes.Select((b, i) => (b, i)).Where(x => x.b.IsPolygon)
                .Select(x => new ScoredPolygon(x.b.Polygon!, p.Labels[x.i], 1)).ToArray()).ToArray();
            var objects = WeightedBoxFusion.Fuse(boxes, threshold: request.IoUThreshold)
                .Where(f => f.Score >= request.MinScore - 1e-9)
                .Select(f => new ImageObject(data.LabelIds[f.Label], new ImageBox(Round(f.Box.Left), Round(f.Box.Top), Round(f.Box.Width), Round(f.Box.Height)), null))
                .Where(o => o.Box!.Value.Width > 0 && o.Box.Value.Height > 0)
                .Concat(PolygonFusion.Fuse(polygons, request.IoUThreshold).Where(f => f.Score >= request.MinScore - 1e-9)
                    .Select(f => new ImageObject(data.LabelIds[f.Label], null, [.. f.Vertices.Chunk(2).Select(v => new ImagePoint(v[0], v[1]))])))
                .ToArray();
            fused.Add((itemId, new ObjectsValue(objects)));
        }
        if (fused.Count > 0)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using (var writer = new AnnotationBulkWriter(db.Database.GetDbConnection(), projectId, time.GetUtcNow().ToUnixTimeMilliseconds())
            { Transaction = tx.GetDbTransaction() })
            {
                foreach (var (itemId, value) in fused)
                    writer.Insert(itemId, author, AnnotationKind.Consensus.ToWire(), value, null, null, data.Project.TaxonomyVersion);
            }
            await tx.CommitAsync(ct);
        }
        return new ObjectConsensusResult(author, fused.Count, fused.Sum(f => f.Value.Objects.Count(o => o.Box is not null)), fused.Count(f => f.Value.Objects.Count == 0),
            fused.Sum(f => f.Value.Objects.Count(o => o.Box is null)));
    }

    private static double Round(double v) => Math.Round(v, 2);
}
