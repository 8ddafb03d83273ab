using Labelforge.Core.Data;
using Labelforge.Training.Fast;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Training.Queues;

/// <summary>
/// A project's items as hashed TF-IDF vectors, kept in memory between retrains: featurizing is most of a cold
/// retrain's cost, and item texts never change, so each retrain only reads and featurizes items imported since the
/// last one (ids only grow). idf is fitted on the project's items at the first fill and kept, so vectors of old and
/// new items stay comparable. Not thread-safe: one retrain per project at a time uses it.
/// </summary>
public sealed class QueueFeatureCache
{
    private readonly Dictionary<long, SparseVector> _vectors = [];
    private readonly HashedTextFeaturizer _featurizer = new();
    private long _maxId;

    public int Count => _vectors.Count;

    public int Dimension => _featurizer.Dimension;

    /// <summary>Ids of all cached items (the project's items at the last update).</summary>
    public IReadOnlySet<long> Ids => _vectors.Keys.ToHashSet();

    public SparseVector this[long itemId] => _vectors[itemId];

    /// <summary>Featurizes items added since the last update and forgets deleted ones.</summary>
    public async Task UpdateAsync(LabelforgeDb db, long projectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var fresh = await db.Items.AsNoTracking().Where(i => i.ProjectId == projectId && i.Id > _maxId)
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Text }).ToListAsync(ct);
        var texts = fresh.Select(i => i.Text).ToList();
        var vectors = _vectors.Count == 0 ? _featurizer.FitTransform(texts) : _featurizer.Transform(texts);
        for (var i = 0; i < fresh.Count; i++)
            _vectors[fresh[i].Id] = vectors[i];
        if (fresh.Count > 0)
            _maxId = fresh[^1].Id;
        var alive = await db.Items.Where(i => i.ProjectId == projectId).CountAsync(ct);
        if (alive != _vectors.Count)
        {
            var ids = (await db.Items.Where(i => i.ProjectId == projectId).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
            foreach (var gone in _vectors.Keys.Where(k => !ids.Contains(k)).ToList())
                _vectors.Remove(gone);
        }
    }

    public SparseVector[] Vectors(IEnumerable<long> itemIds) => itemIds.Select(id => _vectors[id]).ToArray();
}
