using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Training.Projects;

/// <summary>
/// The given labels of a single-label project (human, imported, or a reviewer's fix) as training data: per item, the
/// label of its most recent such annotation (merges resolved), with class indices over the active labels in taxonomy order.
/// </summary>
public sealed record HumanLabels(IReadOnlyList<long> ItemIds, IReadOnlyList<string> Texts, int[] Labels, IReadOnlyList<string> ClassNames, IReadOnlyList<long> ClassLabelIds)
{
    /// <summary>Per item, the annotation that gave its label (what a review supersedes).</summary>
    public IReadOnlyList<long> AnnotationIds { get; init; } = [];

    /// <summary>Per item, who gave the label.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Per item, whether a reviewer already checked the label (the latest given annotation is a review).</summary>
    public IReadOnlyList<bool> Reviewed { get; init; } = [];

    /// <summary>
    /// Loads the labels as of annotation <paramref name="through"/> (null: all): a trainer passes the highest id it
    /// read first, so a label submitted while it loads is neither trained on nor mistaken for one it never saw.
    /// </summary>
    public static async Task<HumanLabels> LoadAsync(LabelforgeDb db, TaxonomyOperations taxonomy, long projectId, CancellationToken ct, long? through = null)
    {
        var project = await RequireProject.FindAsync(db.Projects.AsNoTracking(), projectId, ct);
        TaskTypes.RequireClassLabels(project, "Label-error detection and training");
        if (project.MultiLabel)
            throw LabelforgeException.Invalid("Label-error detection and training work on single-label projects.");
        // The models read item texts; an image item's text is its file name, which must not be learned from.
        if (project.TaskType == TaskTypes.ImageClassification)
            throw LabelforgeException.Invalid("Label-error detection, training and active learning work on text items; image projects have no image model yet.");
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var classes = resolver.All.Where(l => l.Status == LabelStatus.Active).OrderBy(l => l.SortOrder).ThenBy(l => l.Id).ToList();
        var index = classes.Select((l, i) => (l.Id, i)).ToDictionary(p => p.Id, p => p.i);
        // Human, imported and reviewed labels are the "given" labels worth auditing; model and LF labels are not.
        var review = AnnotationKind.Review.ToWire();
        var latest = await GivenLabels.Latest(db, projectId, through).AsNoTracking()
            .Join(db.Items, a => a.ItemId, i => i.Id, (a, i) => new { a.Id, a.ItemId, a.Author, a.Kind, a.LabelIdsJson, i.Text })
            .OrderBy(x => x.ItemId)
            .ToListAsync(ct);
        var ids = new List<long>();
        var texts = new List<string>();
        var labels = new List<int>();
        var (annotations, authors, reviewed) = (new List<long>(), new List<string>(), new List<bool>());
        foreach (var row in latest)
        {
            var labelIds = JsonIds.Read(row.LabelIdsJson);
            if (labelIds.Length != 1 || !index.TryGetValue(resolver.Resolve(labelIds[0]), out var k))
                continue; // labels retired by a split or deprecation have no class to learn
            ids.Add(row.ItemId);
            texts.Add(row.Text);
            labels.Add(k);
            annotations.Add(row.Id);
            authors.Add(row.Author);
            reviewed.Add(row.Kind == review);
        }
        // Class names are references (a bare name unless several labels share it), so metrics keyed by class and
        // label-error suggestions name one label each.
        return new HumanLabels(ids, texts, [.. labels], classes.Select(c => resolver.Lookup.ReferenceOf(c.Id)).ToList(), classes.Select(c => c.Id).ToList())
        {
            AnnotationIds = annotations, Authors = authors, Reviewed = reviewed,
        };
    }
}
