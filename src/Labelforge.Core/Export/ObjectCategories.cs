using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Export;

/// <summary>
/// The classes of an image-objects export, in taxonomy order (sort order, then id): the live and deprecated labels,
/// then any other label an object resolves to, appended as met. COCO category ids are positions from 1, YOLO class
/// indices positions from 0: stored label ids are not COCO ids, so an export numbers the categories afresh.
/// </summary>
internal sealed class ObjectCategories
{
    private readonly LabelResolver resolver;
    private readonly List<long> ids;
    private readonly Dictionary<long, int> positions;

    public ObjectCategories(LabelResolver resolver)
    {
        this.resolver = resolver;
        ids = [.. resolver.All.Where(l => l.Status is LabelStatus.Active or LabelStatus.Deprecated).OrderBy(l => l.SortOrder).ThenBy(l => l.Id).Select(l => l.Id)];
        positions = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
    }

    /// <summary>The 0-based position of the label an object's stored label resolves to.</summary>
    public int Index(long labelId)
    {
        var id = resolver.Resolve(labelId);
        if (!positions.TryGetValue(id, out var index))
        {
            index = ids.Count;
            ids.Add(id);
            positions[id] = index;
        }
        return index;
    }

    public string Name(long labelId) => resolver.Lookup.ReferenceOf(resolver.Resolve(labelId));

    /// <summary>Every category: position, name, and the parent's name (COCO supercategory; the label's own name at the top).</summary>
    public IEnumerable<(int Index, string Name, string Parent)> All() => ids.Select((id, i) =>
    {
        var label = resolver.Find(id)!;
        var parent = label.ParentId is { } p && resolver.Find(p) is { } found ? found.Name : label.Name;
        return (i, resolver.Lookup.ReferenceOf(id), parent);
    });
}
