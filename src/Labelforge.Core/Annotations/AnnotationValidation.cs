using Labelforge.Core.Common;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Annotations;

/// <summary>Checks an annotation's value against the taxonomy and the project's single/multi-label rule.</summary>
internal static class AnnotationValidation
{
    public static long[] LabelIds(NewAnnotation request, LabelResolver resolver, bool multiLabel)
    {
        var ids = new List<long>();
        foreach (var id in request.LabelIds ?? [])
            ids.Add(Known(resolver, id, $"#{id}", request.Kind));
        foreach (var name in request.Labels ?? [])
            ids.Add(Known(resolver, ByName(resolver, name), name, request.Kind));
        var distinct = ids.Distinct().ToArray();
        if (!multiLabel && distinct.Length != 1)
            throw LabelforgeException.Invalid($"This project is single-label: give exactly one label (got {distinct.Length}).");
        return distinct;
    }

    public static string? Probabilities(IReadOnlyDictionary<string, double>? probabilities, LabelResolver resolver)
    {
        if (probabilities is null)
            return null;
        var byId = new SortedDictionary<long, double>();
        foreach (var (key, p) in probabilities)
        {
            if (!double.IsFinite(p) || p < 0 || p > 1)
                throw LabelforgeException.Invalid($"Probability of '{key}' must be between 0 and 1 (got {p}).");
            var id = long.TryParse(key, out var parsed) && resolver.Find(parsed) is not null ? parsed : ByName(resolver, key);
            byId[id] = p;
        }
        return ProbabilityJson.Write(byId);
    }

    private static long ByName(LabelResolver resolver, string name) =>
        resolver.FindLive(name)?.Id ?? throw LabelforgeException.Invalid($"Unknown label '{name}'.");

    private static long Known(LabelResolver resolver, long id, string shown, AnnotationKind kind)
    {
        var label = resolver.Find(id) ?? throw LabelforgeException.Invalid($"Unknown label {shown}.");
        // Imported history may carry retired labels; new judgements must use the live taxonomy.
        if (kind != AnnotationKind.Import && label.Status != LabelStatus.Active)
            throw LabelforgeException.Invalid($"Label '{label.Name}' is {label.Status.ToString().ToLowerInvariant()} and takes no new annotations.");
        return id;
    }
}
