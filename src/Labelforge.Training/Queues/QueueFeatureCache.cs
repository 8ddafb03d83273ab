using Labelforge.Core.Data;
using Labelforge.Training.Fast;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Training.Queues;

/// <summary>
/// A project's items as TF-IDF vectors, kept in memory between retrains. Tokenizing is most of a cold retrain's cost,
/// and item texts never change, so each update only reads and counts the terms of items imported since the last one
/// (ids only grow). The vocabulary and idf are fitted on all of the project's items, as the model's definition asks
/// (fitted on the whole pool); when items arrive or go, they are refitted from the kept term counts and every vector
/// is re-weighted, which costs no tokenizing. Not thread-safe: one retrain per project at a time uses it.
/// </summary>
public sealed class QueueFeatureCache
{
    private readonly Dictionary<long, DocumentTerms> _terms = [];
    private readonly Dictionary<long, SparseVector> _vectors = [];
    private readonly TfidfFeaturizer _featurizer = new();
    private long _maxId;

    public int Count => _vectors.Count;

    public int Dimension => _featurizer.Dimension;

    /// <summary>Ids of all cached items (the project's items at the last update).</summary>
    public IReadOnlySet<long> Ids => _vectors.Keys.ToHashSet();

    public SparseVector this[long itemId] => _vectors[itemId];

    /// <summary>Counts the terms of items added since the last update, forgets deleted ones and refits if either happened.</summary>
    public async Task UpdateAsync(LabelforgeDb db, long projectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var fresh = await db.Items.AsNoTracking().Where(i => i.ProjectId == projectId && i.Id > _maxId)
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Text }).ToListAsync(ct);
        foreach (var item in fresh)
            _terms[item.Id] = _featurizer.Count(item.Text);
        if (fresh.Count > 0)
            _maxId = fresh[^1].Id;
        var changed = fresh.Count > 0;
        var alive = await db.Items.Where(i => i.ProjectId == projectId).CountAsync(ct);
        if (alive != _terms.Count)
        {
            var ids = (await db.Items.Where(i => i.ProjectId == projectId).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
            foreach (var gone in _terms.Keys.Where(k => !ids.Contains(k)).ToList())
                _terms.Remove(gone);
            changed = true;
        }
        if (changed)
            Refit();
    }

    /// <summary>
    /// Takes erased items out now (their term counts are a trace of their text) and refits the vocabulary and idf
    /// on the rest, so no feature stays that only their words made; true when any was cached.
    /// </summary>
    public bool Forget(IEnumerable<long> itemIds)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var removed = false;
        foreach (var id in itemIds)
            removed |= _terms.Remove(id) | _vectors.Remove(id);
        if (removed)
            Refit();
        return removed;
    }

    /// <summary>Whether the item's terms are cached.</summary>
    public bool Contains(long itemId) => _terms.ContainsKey(itemId);

    public SparseVector[] Vectors(IEnumerable<long> itemIds) => itemIds.Select(id => _vectors[id]).ToArray();

    private void Refit()
    {
        _featurizer.Fit(_terms.Values);
        _vectors.Clear();
        foreach (var (id, terms) in _terms)
            _vectors[id] = _featurizer.Transform(terms);
    }
}
