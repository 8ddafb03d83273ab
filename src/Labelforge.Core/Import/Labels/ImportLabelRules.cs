using System.Globalization;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Import.Labels;

/// <summary>
/// What an imported label set must satisfy beyond naming known labels, so nothing is lost or invented without a
/// row error: integer class ids become names (<see cref="ImportOptions.LabelNames"/>), a rejected label becomes what
/// the reject means in this project, and a single-label project takes one label per annotation.
/// </summary>
internal sealed class ImportLabelRules(Project project, ImportOptions options, LabelResolver resolver)
{
    /// <summary>The active labels of a two-label single-label project, else null: only there a reject names the other class.</summary>
    private readonly long[]? binary = project.MultiLabel ? null : BinaryLabels(resolver);

    /// <summary>The names the file's labels stand for: with --label-names each must be a class id 0..n-1.</summary>
    public (IReadOnlyList<string> Names, string? Problem) Names(IReadOnlyList<string> labels)
    {
        if (options.LabelNames is not { } names)
            return (labels, null);
        var mapped = new string[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i].Trim();
            if (!int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id >= names.Count)
                return ([], $"label '{label}' is not a class id: with --label-names every label must be an integer from 0 to {names.Count - 1} (id i is the i-th name)");
            mapped[i] = names[id];
        }
        return (mapped, null);
    }

    /// <summary>The label ids to store for an annotation whose names resolved to <paramref name="ids"/>, or the row's problem.</summary>
    public (long[] Ids, string? Problem) Apply(ImportedAnnotation annotation, long[] ids, IReadOnlyList<string> names)
    {
        if (annotation.Rejected)
            return Rejected(ids, names);
        if (!project.MultiLabel && ids.Length > 1)
            return ([], $"{ids.Length} labels ({string.Join(", ", names.Select(n => $"'{n}'"))}) on one row, but project '{project.Name}' is single-label; "
                + "give each row one label, or import into a project created with --multi-label");
        return (ids, null);
    }

    /// <summary>
    /// A reject says the labels do not apply. Multi-label: their absence, stored as an annotation with no labels (the
    /// annotation model's "none of the labels apply"; what this row asserted is exactly that the rejected labels are not
    /// among the item's). Binary: the other class. Any other single-label project: it does not say which label applies.
    /// </summary>
    private (long[] Ids, string? Problem) Rejected(long[] ids, IReadOnlyList<string> names)
    {
        if (ids.Length == 0 || project.MultiLabel)
            return ([], null);
        var rejected = string.Join(", ", names.Select(n => $"'{n}'"));
        if (binary is null)
        {
            var count = resolver.All.Count(l => l.Status == LabelStatus.Active);
            return ([], $"the row rejects {rejected} (Prodigy answer \"reject\"), but single-label project '{project.Name}' has {count} labels, "
                + "so the reject does not say which label applies; import into a project with exactly two labels, or a multi-label one");
        }
        var other = binary.Where(id => !ids.Contains(id)).ToArray();
        return other.Length == 1 ? (other, null) : ([], $"the row rejects {rejected}, which leaves no label of the two");
    }

    private static long[]? BinaryLabels(LabelResolver resolver)
    {
        var active = resolver.All.Where(l => l.Status == LabelStatus.Active).Select(l => l.Id).Order().ToArray();
        return active.Length == 2 ? active : null;
    }
}
