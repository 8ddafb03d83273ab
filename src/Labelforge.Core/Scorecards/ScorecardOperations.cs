using System.Globalization;
using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Consensus;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Scorecards;

/// <summary>
/// Annotator scorecards. Each annotator's current human labels (latest per item) are compared with the item's gold
/// answer (its latest annotation of kind <c>gold</c>) and with the latest consensus run's label; labels compare as
/// resolved label sets, through merges; an item without a gold answer that a reviewer decided (a <c>review</c> annotation:
/// adjudication or label-error review) is scored against that decision like gold. Agreement with consensus counts the annotator's own vote in the consensus (the
/// run is one fit over everyone; leaving each annotator out would take one run per annotator), so it reads high for
/// items with few answers. The Dawid-Skene confusion matrix comes from the project's latest Dawid-Skene run.
/// </summary>
public sealed class ScorecardOperations(LabelforgeDb db, TaxonomyOperations taxonomy)
{
    public async Task<ScorecardReport> ReportAsync(long projectId, CancellationToken ct = default)
    {
        var project = await RequireProject.FindAsync(db.Projects.AsNoTracking(), projectId, ct);
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var settings = await db.ConsensusSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == projectId, ct)
            ?? new ConsensusSettings { ProjectId = projectId };
        var (human, goldKind) = (AnnotationKind.Human.ToWire(), AnnotationKind.Gold.ToWire());

        // A reviewer's decision (kind review: an adjudication or a label-error keep/fix) is gold for its item, unless the
        // item has an imported gold answer, which stays the reference.
        var review = AnnotationKind.Review.ToWire();
        var gold = await LatestByItemAsync(db.Annotations.Where(a => a.ProjectId == projectId && a.Kind == review), resolver, ct);
        foreach (var (item, answer) in await LatestByItemAsync(db.Annotations.Where(a => a.ProjectId == projectId && a.Kind == goldKind), resolver, ct))
            gold[item] = answer;
        var runs = db.ConsensusRuns.AsNoTracking().Where(r => r.ProjectId == projectId).OrderByDescending(r => r.Id);
        var latest = await runs.FirstOrDefaultAsync(ct);
        var dawidSkene = await runs.FirstOrDefaultAsync(r => r.Method == "dawid-skene", ct);
        var consensus = latest is null ? []
            : await LatestByItemAsync(db.Annotations.Where(a => a.ProjectId == projectId && a.Author == latest.Author), resolver, ct);
        var skills = latest is null ? []
            : await db.ConsensusAnnotatorQuality.AsNoTracking().Where(q => q.RunId == latest.Id).ToDictionaryAsync(q => q.Annotator, q => q.Skill, ct);
        var confusions = dawidSkene is null ? []
            : await db.ConsensusAnnotatorQuality.AsNoTracking().Where(q => q.RunId == dawidSkene.Id && q.ConfusionJson != null)
                .ToDictionaryAsync(q => q.Annotator, q => q.ConfusionJson!, ct);

        var all = new SortedDictionary<string, ScorecardTally>(StringComparer.Ordinal);
        var weeks = new Dictionary<string, SortedDictionary<string, ScorecardTally>>(StringComparer.Ordinal);
        var labels = db.Annotations.AsNoTracking().Where(a => a.ProjectId == projectId && a.Kind == human)
            .OrderBy(a => a.ItemId).ThenBy(a => a.Author).ThenBy(a => a.Id)
            .Select(a => new Row(a.ItemId, a.Author, a.LabelIdsJson, a.CreatedAt, a.TimeSpentMs));
        Row? pending = null;
        await foreach (var row in labels.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (pending is not null && (pending.ItemId != row.ItemId || pending.Author != row.Author))
                Add(pending);
            pending = row;
        }
        if (pending is not null)
            Add(pending);

        var cards = all.Select(p => Card(p.Key, p.Value, weeks[p.Key], skills, confusions, settings.GoldAccuracyThreshold)).ToList();
        var classes = dawidSkene is null ? [] : JsonIds.Read(dawidSkene.ClassLabelIdsJson).Select(id => resolver.Lookup.ReferenceOf(id)).ToList();
        return new ScorecardReport(project.Name, settings.GoldAccuracyThreshold, latest?.Id, latest?.Method, dawidSkene?.Id, classes, gold.Count, cards);

        void Add(Row row)
        {
            var key = Key(row.LabelIdsJson, resolver);
            bool? goldCorrect = gold.TryGetValue(row.ItemId, out var g) ? g == key : null;
            bool? agrees = consensus.TryGetValue(row.ItemId, out var c) ? c == key : null;
            if (!all.TryGetValue(row.Author, out var tally))
            {
                all[row.Author] = tally = new ScorecardTally();
                weeks[row.Author] = new SortedDictionary<string, ScorecardTally>(StringComparer.Ordinal);
            }
            tally.Add(goldCorrect, agrees, row.TimeSpentMs);
            var week = Week(row.CreatedAt);
            if (!weeks[row.Author].TryGetValue(week, out var weekly))
                weeks[row.Author][week] = weekly = new ScorecardTally();
            weekly.Add(goldCorrect, agrees, row.TimeSpentMs);
        }
    }

    /// <summary>The ISO week of <paramref name="at"/> in UTC, as <c>YYYY-Www</c> (sorts in time order).</summary>
    public static string Week(DateTimeOffset at)
    {
        var day = at.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day):D4}-W{ISOWeek.GetWeekOfYear(day):D2}");
    }

    private static AnnotatorScorecard Card(string annotator, ScorecardTally t, SortedDictionary<string, ScorecardTally> weeks,
        Dictionary<string, double> skills, Dictionary<string, string> confusions, double threshold)
    {
        var ci = t.GoldCi95;
        return new AnnotatorScorecard(annotator, t.Labels, t.Gold, t.GoldAccuracy, ci, t.Consensus, t.Agreement, t.MedianSeconds,
            skills.TryGetValue(annotator, out var skill) ? skill : null,
            confusions.TryGetValue(annotator, out var json) ? JsonSerializer.Deserialize<double[][]>(json) : null,
            ci is not null && ci[1] < threshold,
            [.. weeks.Select(w => new AnnotatorWeek(w.Key, w.Value.Labels, w.Value.Gold, w.Value.GoldAccuracy, w.Value.GoldCi95, w.Value.Agreement, w.Value.MedianSeconds))]);
    }

    /// <summary>The latest annotation's resolved label set per item, as a comparable key.</summary>
    private static async Task<Dictionary<long, string>> LatestByItemAsync(IQueryable<Annotation> query, LabelResolver resolver, CancellationToken ct)
    {
        var result = new Dictionary<long, string>();
        await foreach (var a in query.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.ItemId, a.LabelIdsJson }).AsAsyncEnumerable().WithCancellation(ct))
            result[a.ItemId] = Key(a.LabelIdsJson, resolver);
        return result;
    }

    private static string Key(string labelIdsJson, LabelResolver resolver) =>
        string.Join(',', JsonIds.Read(labelIdsJson).Select(resolver.Resolve).Distinct().Order());

    private sealed record Row(long ItemId, string Author, string LabelIdsJson, DateTimeOffset CreatedAt, long? TimeSpentMs);
}
