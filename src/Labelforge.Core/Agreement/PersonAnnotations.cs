using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Agreement;

/// <summary>
/// What <see cref="PersonSpans"/> and <see cref="PersonObjects"/> are built from: every author's current annotation of a
/// kind a person decides (<see cref="AnnotationKinds.ByPerson"/>) in item order, the annotators in ordinal order with their
/// index, and the project's labels resolved through merges, numbered in id order.
/// </summary>
internal sealed record PersonAnnotations(
    Project Project,
    LabelResolver Resolver,
    IReadOnlyList<(long ItemId, string Author, string ValueJson)> Rows,
    string[] Annotators,
    IReadOnlyDictionary<string, int> AnnotatorIndex,
    long[] LabelIds,
    IReadOnlyDictionary<long, int> LabelIndex)
{
    /// <summary>Refuses a project whose annotations are not <paramref name="kind"/>: "Project 'P' is TYPE; " + <paramref name="refusal"/>.</summary>
    public static async Task<PersonAnnotations> LoadAsync(ProjectOperations projects, TaxonomyOperations taxonomy, AnnotationOperations annotations,
        long projectId, AnnotationValueKind kind, string refusal, CancellationToken ct)
    {
        var project = await projects.GetAsync(projectId, ct);
        if (TaskTypes.ValueKind(project.TaskType) != kind)
            throw LabelforgeException.Invalid($"Project '{project.Name}' is {project.TaskType}; {refusal}");
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var byPerson = AnnotationKinds.ByPerson;
        var rows = await annotations.Current(projectId).AsNoTracking()
            .Where(a => byPerson.Contains(a.Kind))
            .OrderBy(a => a.ItemId)
            .Select(a => new { a.ItemId, a.Author, a.LabelIdsJson }).ToListAsync(ct);
        var annotators = rows.Select(r => r.Author).Distinct().Order(StringComparer.Ordinal).ToArray();
        var labels = resolver.All.Select(l => resolver.Resolve(l.Id)).Distinct().Order().ToArray();
        return new PersonAnnotations(project, resolver, [.. rows.Select(r => (r.ItemId, r.Author, r.LabelIdsJson))], annotators,
            annotators.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i, StringComparer.Ordinal),
            labels, labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i));
    }
}
