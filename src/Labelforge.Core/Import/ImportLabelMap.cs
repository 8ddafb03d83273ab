using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Import;

/// <summary>Label names in a file to taxonomy ids (by name or path, case-insensitive; merged labels resolve to their target).</summary>
internal sealed class ImportLabelMap
{
    private readonly Dictionary<string, long> _byName = new(StringComparer.OrdinalIgnoreCase);

    public ImportLabelMap(LabelResolver resolver)
    {
        foreach (var label in resolver.All.Where(l => l.Status is LabelStatus.Active or LabelStatus.Deprecated))
        {
            _byName.TryAdd(label.Name, label.Id);
            _byName.TryAdd(resolver.PathOf(label.Id), label.Id);
        }
        foreach (var label in resolver.All.Where(l => l.Status is LabelStatus.Merged))
            _byName.TryAdd(label.Name, resolver.Resolve(label.Id));
    }

    public List<string> Created { get; } = [];

    public async Task<(long[] Ids, string? Unknown)> MapAsync(IReadOnlyList<string> names, bool create, Func<string, Task<long>> createLabel)
    {
        var ids = new long[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            if (!_byName.TryGetValue(name, out var id))
            {
                if (!create || name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
                    return ([], name);
                id = await createLabel(name);
                _byName[name] = id;
                Created.Add(name);
            }
            ids[i] = id;
        }
        return (ids.Distinct().ToArray(), null);
    }
}
