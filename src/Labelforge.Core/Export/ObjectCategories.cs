using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Export;

/// <summary>
/// The classes of an image-objects export, in taxonomy order (sort order, then id): the live and deprecated labels,
/// then any other label an object resolves to, appended as met. YOLO class indices are positions from 0. COCO category
/// ids are the ids the labels were imported with (<see cref="Label.CocoCategoryId"/>), so a COCO file comes back with
/// its own ids; a label without one takes the next id above all of them, in the same order (a project that never saw
/// a COCO file numbers its categories 1, 2, ... as before).
/// </summary>
internal sealed class ObjectCategories
{
    private readonly LabelResolver resolver;
    private readonly List<long> ids;
    private readonly Dictionary<long, int> positions;
    private readonly Dictionary<long, long> cocoIds = [];
    private long nextCocoId;

    public ObjectCategories(LabelResolver resolver)
    {
        this.resolver = resolver;
        ids = [.. resolver.All.Where(l => l.Status is LabelStatus.Active or LabelStatus.Deprecated).OrderBy(l => l.SortOrder).ThenBy(l => l.Id).Select(l => l.Id)];
        positions = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        nextCocoId = resolver.All.Select(l => l.CocoCategoryId ?? 0).DefaultIfEmpty(0).Max() + 1;
        foreach (var id in ids)
            AssignCocoId(id);
    }

    /// <summary>The COCO category id of the label an object's stored label resolves to.</summary>
    public long CocoId(long labelId) => cocoIds[ids[Index(labelId)]];

    private void AssignCocoId(long id) => cocoIds[id] = resolver.Find(id)?.CocoCategoryId is { } kept && !cocoIds.ContainsValue(kept) ? kept : nextCocoId++;

    /// <summary>The 0-based position of the label an object's stored label resolves to.</summary>
    public int Index(long labelId)
    {
        var id = resolver.Resolve(labelId);
        if (!positions.TryGetValue(id, out var index))
        {
            index = ids.Count;
            ids.Add(id);
            positions[id] = index;
            AssignCocoId(id);
        }
        return index;
    }

    public string Name(long labelId) => resolver.Lookup.ReferenceOf(resolver.Resolve(labelId));

    /// <summary>Every category: position, COCO id, name, and the parent's name (COCO supercategory; the label's own name at the top).</summary>
    public IEnumerable<(int Index, long CocoId, string Name, string Parent)> All() => ids.Select((id, i) =>
    {
        var label = resolver.Find(id)!;
        var parent = label.ParentId is { } p && resolver.Find(p) is { } found ? found.Name : label.Name;
        return (i, cocoIds[id], resolver.Lookup.ReferenceOf(id), parent);
    });
}
