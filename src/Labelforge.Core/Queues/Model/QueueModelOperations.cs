using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Counts;
using Labelforge.Core.Data;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Engine.ActiveLearning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelforge.Core.Queues.Model;

/// <summary>
/// The stored side of active-learning queues: which projects are due a retrain, the unlabeled pool, and saving a
/// retrain's ranking with its stopping-signal round. A round replaces the project's ranking in one short write
/// transaction, so claims see either the old ranking or the new one, and the training itself never holds a lock.
/// </summary>
public sealed class QueueModelOperations(LabelforgeDb db, TimeProvider time, ActiveLearningQueueOptions options)
{
    private static readonly string[] Given = AnnotationKinds.Given;

    /// <summary>Items with a given label (human, imported or reviewed): the count the every-N trigger follows.</summary>
    public async Task<int> LabeledItemsAsync(long projectId, CancellationToken ct = default) =>
        (int)(await ProjectCountsReader.ReadAsync(db, projectId, ct)).GivenItems;

    /// <summary>Ids of items without a given label, ascending: the pool a model ranks.</summary>
    public Task<List<long>> PoolAsync(long projectId, CancellationToken ct = default) =>
        db.Items.Where(i => i.ProjectId == projectId && !db.Annotations.Any(a => a.ItemId == i.Id && Given.Contains(a.Kind)))
            .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);

    public Task<QueueModelState?> StateAsync(long projectId, CancellationToken ct = default) =>
        db.QueueModelStates.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == projectId, ct);

    /// <summary>
    /// Projects with an active-learning strategy that got retrain-every new labels since the last attempt, or changed
    /// strategy. With <paramref name="counts"/>, a project's labeled items are counted again only when its highest
    /// annotation id moved since the last call.
    /// </summary>
    public async Task<IReadOnlyList<long>> DueProjectsAsync(QueueLabelCounts? counts = null, CancellationToken ct = default)
    {
        var names = ActiveLearningQueueStrategy.Names.ToList();
        var projects = await db.QueueSettings.AsNoTracking().Where(s => names.Contains(s.Strategy))
            .Select(s => new { s.ProjectId, s.Strategy, s.RetrainEvery }).ToListAsync(ct);
        var ids = projects.Select(p => p.ProjectId).ToList();
        var states = await db.QueueModelStates.AsNoTracking().Where(s => ids.Contains(s.ProjectId)).ToDictionaryAsync(s => s.ProjectId, ct);
        var due = new List<long>();
        foreach (var p in projects)
        {
            var state = states.GetValueOrDefault(p.ProjectId);
            var labeled = await LabeledItemsAsync(p.ProjectId, counts, ct);
            var changed = state is { RetrainCount: > 0 } && state.Strategy != p.Strategy;
            if (changed || labeled - (state?.LabelsAtLastRetrain ?? 0) >= p.RetrainEvery)
                due.Add(p.ProjectId);
        }
        return due;
    }

    /// <summary><see cref="LabeledItemsAsync(long, CancellationToken)"/>, counted again only when the project's highest annotation id moved since <paramref name="counts"/> last saw it.</summary>
    public async Task<int> LabeledItemsAsync(long projectId, QueueLabelCounts? counts, CancellationToken ct = default)
    {
        if (counts is null)
            return await LabeledItemsAsync(projectId, ct);
        var latest = await db.Annotations.Where(a => a.ProjectId == projectId).MaxAsync(a => (long?)a.Id, ct) ?? 0;
        if (counts.TryGet(projectId, latest, out var labeled))
            return labeled;
        labeled = await LabeledItemsAsync(projectId, ct);
        counts.Set(projectId, latest, labeled);
        return labeled;
    }

    /// <summary>The stop set: kept from the state while all its items still exist in the pool's project, else a fresh seeded sample of the pool.</summary>
    public IReadOnlyList<long> StopSet(QueueModelState? state, IReadOnlyList<long> pool, IReadOnlySet<long> known, long seed)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(known);
        var kept = JsonIds.Read(state?.StopItemIdsJson);
        if (kept.Length > 0 && kept.All(known.Contains))
            return kept;
        var rows = ActiveLearningQuery.RandomSample(pool.Count, Math.Min(options.StopSetSize, pool.Count), new Random(unchecked((int)seed)));
        return rows.Select(r => pool[r]).Order().ToList();
    }

    /// <summary>
    /// Replaces the project's ranking with <paramref name="round"/> and extends the kappa history; returns the kappa
    /// this round added (null when the round starts a new history).
    /// </summary>
    public async Task<double?> SaveRoundAsync(long projectId, QueueModelRound round, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var state = await db.QueueModelStates.FirstOrDefaultAsync(s => s.ProjectId == projectId, ct);
        var kappas = NextKappas(state, round);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.QueueRanks.Where(r => r.ProjectId == projectId).ExecuteDeleteAsync(ct);
        await InsertRanksAsync(projectId, round, tx.GetDbTransaction(), ct);
        state ??= db.QueueModelStates.Add(new QueueModelState { ProjectId = projectId }).Entity;
        state.Strategy = round.Strategy;
        state.RetrainCount++;
        state.LabelsAtLastRetrain = round.LabeledItems;
        state.LastRetrainAt = time.GetUtcNow();
        state.LastDurationMs = (long)round.Duration.TotalMilliseconds;
        state.Note = null;
        state.RankedItems = round.RankedItemIds.Count;
        state.ClassIdsJson = JsonIds.Write(round.ClassIds);
        state.StopItemIdsJson = JsonIds.Write(round.StopItemIds);
        state.StopPredictionsJson = JsonSerializer.Serialize(round.StopPredictions);
        state.KappasJson = JsonSerializer.Serialize(kappas);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return kappas.Count > 0 ? kappas[^1] : null;
    }

    /// <summary>Records an attempt that gave no model (e.g. one class only); the previous ranking, if any, stays.</summary>
    public async Task SaveNoModelAsync(long projectId, string strategy, int labeledItems, string note, CancellationToken ct = default)
    {
        var state = await db.QueueModelStates.FirstOrDefaultAsync(s => s.ProjectId == projectId, ct)
            ?? db.QueueModelStates.Add(new QueueModelState { ProjectId = projectId }).Entity;
        state.Strategy ??= strategy;
        state.LabelsAtLastRetrain = labeledItems;
        state.Note = note;
        await db.SaveChangesAsync(ct);
    }

    private static List<double> NextKappas(QueueModelState? state, QueueModelRound round)
    {
        var previous = state is null ? [] : JsonSerializer.Deserialize<int[]>(state.StopPredictionsJson) ?? [];
        var comparable = state is not null && previous.Length == round.StopPredictions.Length
            && JsonIds.Read(state.ClassIdsJson).SequenceEqual(round.ClassIds)
            && JsonIds.Read(state.StopItemIdsJson).SequenceEqual(round.StopItemIds);
        if (!comparable)
            return []; // a new stop set or class list starts a new history
        var kappas = JsonSerializer.Deserialize<List<double>>(state!.KappasJson) ?? [];
        kappas.Add(Math.Round(StabilizingPredictions.CohensKappa(previous, round.StopPredictions, round.ClassIds.Count), 6));
        return kappas;
    }

    private async Task InsertRanksAsync(long projectId, QueueModelRound round, System.Data.Common.DbTransaction tx, CancellationToken ct)
    {
        await using var insert = SqlCommands.Create(db.Database.GetDbConnection(),
            "INSERT INTO queue_ranks (ItemId, ProjectId, Rank, Score) VALUES (@item, @project, @rank, @score)",
            "@item", "@project", "@rank", "@score");
        insert.Transaction = tx;
        insert.Parameters["@project"].Value = projectId;
        for (var r = 0; r < round.RankedItemIds.Count; r++)
        {
            insert.Parameters["@item"].Value = round.RankedItemIds[r];
            insert.Parameters["@rank"].Value = r;
            insert.Parameters["@score"].Value = round.Scores[r];
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
