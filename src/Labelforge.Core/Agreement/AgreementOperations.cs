using System.Globalization;
using System.Text.Json;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Events;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.Agreement;
using Labelforge.Engine.Consensus;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Agreement;

/// <summary>
/// Agreement of a class-label project's annotators over time: each annotator's current label per item (one streaming
/// read, <see cref="ProjectAnswerReader"/>) fed to Engine's coefficients, overall and per label (one-vs-rest), annotator
/// pair, ISO week, guideline version or taxonomy version, each with a seeded bootstrap 95% interval. A drop after a
/// change beyond the interval of the group before becomes an <see cref="AgreementAlert"/> and, the first time it is
/// seen, an <see cref="ProjectEventKinds.AgreementDropped"/> project event.
/// </summary>
public sealed class AgreementOperations(LabelforgeDb db, ProjectOperations projects, TaxonomyOperations taxonomy, ProjectEventOperations events)
{
    public async Task<AgreementReport> ComputeAsync(long projectId, AgreementRequest request, CancellationToken ct = default)
    {
        var data = await ReadAsync(projectId, request, ct);
        var measure = new Measure(request);
        var overall = measure.Of(data.Answers);
        var groups = request.By switch
        {
            null => [],
            AgreementBreakdown.Label => PerLabel(data, measure),
            AgreementBreakdown.Annotator => PerPair(data, measure),
            { } by => Segments(data, by, measure),
        };
        var alerts = await AlertsAsync(projectId, request,
            request.By == AgreementBreakdown.GuidelineVersion ? groups : Segments(data, AgreementBreakdown.GuidelineVersion, measure),
            request.By == AgreementBreakdown.TaxonomyVersion ? groups : Segments(data, AgreementBreakdown.TaxonomyVersion, measure),
            request.By == AgreementBreakdown.Week ? groups : null, ct);
        return new AgreementReport(AgreementRequest.WireName(request.Metric), data.Answers.Items.Distinct().Count(), data.AnnotatorNames.Length,
            data.Answers.Count, request.Bootstrap, overall.Estimate, request.By is { } b ? AgreementRequest.WireName(b) : null, groups,
            await ChangesAsync(projectId, FirstAnswer(data), ct), alerts);
    }

    /// <summary>
    /// The Agreement page in one call: the answers read once, the overall value and the guideline and taxonomy segments
    /// (for the alerts) bootstrapped once, and the week, label and annotator-pair breakdowns, computed side by side. It
    /// gives exactly what <see cref="ComputeAsync"/> gives by week, by label and by annotator (the same seed per group).
    /// </summary>
    public async Task<AgreementOverview> OverviewAsync(long projectId, AgreementMetric metric, int bootstrap = AgreementRequest.DefaultBootstrap, int seed = 42,
        CancellationToken ct = default)
    {
        var request = new AgreementRequest(metric, AgreementBreakdown.Week, bootstrap, seed);
        var data = await ReadAsync(projectId, request, ct);
        var measure = new Measure(request);
        var overall = Task.Run(() => measure.Of(data.Answers), ct);
        var weeks = Task.Run(() => Segments(data, AgreementBreakdown.Week, measure), ct);
        var labels = Task.Run(() => PerLabel(data, measure), ct);
        var pairs = Task.Run(() => PerPair(data, measure), ct);
        var guideline = Task.Run(() => Segments(data, AgreementBreakdown.GuidelineVersion, measure), ct);
        var taxonomy = Task.Run(() => Segments(data, AgreementBreakdown.TaxonomyVersion, measure), ct);
        await Task.WhenAll(overall, weeks, labels, pairs, guideline, taxonomy);
        var alerts = await AlertsAsync(projectId, request, await guideline, await taxonomy, await weeks, ct);
        return new AgreementOverview(AgreementRequest.WireName(metric), data.Answers.Items.Distinct().Count(), data.AnnotatorNames.Length,
            data.Answers.Count, bootstrap, (await overall).Estimate, await weeks, await labels, await pairs,
            await ChangesAsync(projectId, FirstAnswer(data), ct), alerts);
    }

    /// <summary>Checks the request and the project, then reads each annotator's current label per item.</summary>
    private async Task<ProjectAnswers> ReadAsync(long projectId, AgreementRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!AgreementRequest.Metrics.Values.Contains(request.Metric))
            throw LabelforgeException.Invalid($"Agreement over time is measured with {string.Join(", ", AgreementRequest.Metrics.Keys)}; '{request.Metric}' is not one of them.");
        if (request.Bootstrap is < 0 or > 10_000)
            throw LabelforgeException.Invalid($"The bootstrap takes 0 to 10000 replicates; {request.Bootstrap} is out of range.");
        var project = await projects.GetAsync(projectId, ct);
        if (TaskTypes.ValueKind(project.TaskType) != Annotations.AnnotationValueKind.ClassLabels)
            throw LabelforgeException.Invalid($"Project '{project.Name}' is {project.TaskType}; agreement over time needs a class-label project (text-spans projects: `labelforge agreement {project.Name}` reports span F1).");
        if (project.MultiLabel)
            throw LabelforgeException.Invalid($"Project '{project.Name}' is multi-label; kappa, alpha and AC1 compare one label per annotator and item, so they need a single-label project.");
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        return await ProjectAnswerReader.ReadAsync(db, projectId, resolver, ct);
    }

    /// <summary>Drops after guideline and taxonomy changes always, after a week only when the week groups are given; each recorded once as an event.</summary>
    private async Task<List<AgreementAlert>> AlertsAsync(long projectId, AgreementRequest request, IReadOnlyList<AgreementGroup> guideline,
        IReadOnlyList<AgreementGroup> taxonomyVersions, IReadOnlyList<AgreementGroup>? weeks, CancellationToken ct)
    {
        var alerts = new List<AgreementAlert>();
        alerts.AddRange(Drops(AgreementBreakdown.GuidelineVersion, guideline));
        alerts.AddRange(Drops(AgreementBreakdown.TaxonomyVersion, taxonomyVersions));
        if (weeks is not null)
            alerts.AddRange(Drops(AgreementBreakdown.Week, weeks));
        foreach (var alert in alerts)
            await RecordAsync(projectId, request, alert, ct);
        return alerts;
    }

    private static long FirstAnswer(ProjectAnswers data) => data.CreatedAtMs.Length == 0 ? long.MaxValue : data.CreatedAtMs.Min();

    private static List<AgreementGroup> PerLabel(ProjectAnswers data, Measure measure)
    {
        var answers = data.Answers;
        var groups = new List<AgreementGroup>();
        var map = new int[answers.ClassCount];
        var (first, last) = Span(data, Enumerable.Range(0, answers.Count));
        for (var c = 0; c < data.LabelNames.Length; c++)
        {
            for (var l = 0; l < map.Length; l++)
                map[l] = l == c ? 1 : 0;
            var binary = answers.Relabel(map, 2);
            groups.Add(measure.Of(binary).Group(data.LabelNames[c], first, last));
        }
        return groups;
    }

    private static List<AgreementGroup> PerPair(ProjectAnswers data, Measure measure)
    {
        var answers = data.Answers;
        var byItem = Enumerable.Range(0, answers.Count).GroupBy(a => answers.Items[a]);
        var pairs = new Dictionary<(int, int), List<int>>();
        foreach (var item in byItem)
        {
            var list = item.ToArray();
            for (var p = 0; p < list.Length; p++)
            {
                for (var q = p + 1; q < list.Length; q++)
                {
                    int u = answers.Annotators[list[p]], v = answers.Annotators[list[q]];
                    var key = u < v ? (u, v) : (v, u);
                    if (!pairs.TryGetValue(key, out var shared))
                        pairs[key] = shared = [];
                    shared.Add(list[p]);
                    shared.Add(list[q]);
                }
            }
        }
        return [.. pairs.Select(p =>
        {
            string a = data.AnnotatorNames[p.Key.Item1], b = data.AnnotatorNames[p.Key.Item2];
            var (first, last) = Span(data, p.Value);
            return measure.Of(data.Subset(p.Value)).Group($"{a} ~ {b}", first, last) with { Annotators = [a, b] };
        }).OrderByDescending(g => g.Items).ThenBy(g => g.Key, StringComparer.Ordinal)];
    }

    private static List<AgreementGroup> Segments(ProjectAnswers data, AgreementBreakdown by, Measure measure) =>
        [.. AgreementSegments.Of(data, by).Select(s =>
        {
            var (first, last) = Span(data, s.Answers);
            return measure.Of(data.Subset(s.Answers)).Group(s.Key, first, last);
        })];

    /// <summary>Each group whose value is below the interval of the group before it (groups in order; undefined ones skipped).</summary>
    internal static IEnumerable<AgreementAlert> Drops(AgreementBreakdown by, IReadOnlyList<AgreementGroup> groups)
    {
        AgreementGroup? before = null;
        foreach (var g in groups)
        {
            if (g.Value is not { } value)
                continue;
            if (before is { Value: { } bv, Lower: { } lower } && value < lower)
            {
                string What(string key) => by switch
                {
                    AgreementBreakdown.GuidelineVersion => $"guideline version {key}",
                    AgreementBreakdown.TaxonomyVersion => $"taxonomy version {key}",
                    _ => $"week {key}",
                };
                yield return new AgreementAlert(AgreementRequest.WireName(by), before.Key, g.Key, bv, lower, value,
                    string.Create(CultureInfo.InvariantCulture,
                        $"Agreement dropped from {bv:F3} to {value:F3} in {What(g.Key)}, below the 95% interval of {What(before.Key)} (lower end {lower:F3})."));
            }
            before = g;
        }
    }

    private async Task RecordAsync(long projectId, AgreementRequest request, AgreementAlert alert, CancellationToken ct)
    {
        var metric = AgreementRequest.WireName(request.Metric);
        var details = JsonSerializer.Serialize(new
        {
            metric, by = alert.By, before = alert.Before, after = alert.After,
            beforeValue = alert.BeforeValue, beforeLower = alert.BeforeLower, afterValue = alert.AfterValue,
        });
        await events.RecordOnceAsync(projectId, ProjectEventKinds.AgreementDropped, $"{metric}:{alert.By}:{alert.Before}->{alert.After}", details, ct);
    }

    /// <summary>Guideline and taxonomy versions made after labeling started (earlier ones changed nothing anyone labeled under).</summary>
    private async Task<IReadOnlyList<AgreementChange>> ChangesAsync(long projectId, long firstAnswerMs, CancellationToken ct)
    {
        var since = DateTimeOffset.FromUnixTimeMilliseconds(firstAnswerMs == long.MaxValue ? 0 : firstAnswerMs);
        if (firstAnswerMs == long.MaxValue)
            return [];
        var guidelines = await db.GuidelineVersions.AsNoTracking().Where(g => g.ProjectId == projectId && g.CreatedAt > since)
            .Select(g => new { g.Version, g.CreatedAt }).ToListAsync(ct);
        var taxonomies = await db.TaxonomyChanges.AsNoTracking().Where(c => c.ProjectId == projectId && c.CreatedAt > since)
            .Select(c => new { c.Version, c.CreatedAt }).ToListAsync(ct);
        return [.. guidelines.Select(g => new AgreementChange("guideline", g.Version, g.CreatedAt, AgreementSegments.Week(g.CreatedAt)))
            .Concat(taxonomies.Select(c => new AgreementChange("taxonomy", c.Version, c.CreatedAt, AgreementSegments.Week(c.CreatedAt))))
            .OrderBy(c => c.At).ThenBy(c => c.Kind, StringComparer.Ordinal)];
    }

    private static (DateTimeOffset First, DateTimeOffset Last) Span(ProjectAnswers data, IEnumerable<int> answers)
    {
        long first = long.MaxValue, last = long.MinValue;
        foreach (var a in answers)
        {
            first = Math.Min(first, data.CreatedAtMs[a]);
            last = Math.Max(last, data.CreatedAtMs[a]);
        }
        return first == long.MaxValue ? (DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)
            : (DateTimeOffset.FromUnixTimeMilliseconds(first), DateTimeOffset.FromUnixTimeMilliseconds(last));
    }

    /// <summary>The metric with its bootstrap, on any set of answers.</summary>
    private sealed class Measure(AgreementRequest request)
    {
        public Result Of(CrowdAnswers answers)
        {
            var value = AgreementMeasure.Compute(request.Metric, answers);
            double? lower = null, upper = null;
            var rated = answers.Items.Distinct().Count();
            if (request.Bootstrap > 0 && rated > 0 && double.IsFinite(value))
            {
                var ci = AgreementBootstrap.Compute(request.Metric, answers, request.Bootstrap, request.Seed);
                (lower, upper) = (Finite(ci.Lower), Finite(ci.Upper));
            }
            return new Result(new AgreementEstimate(Finite(value), lower, upper), rated, answers.Count);
        }
    }

    private sealed record Result(AgreementEstimate Estimate, int Items, int Answers)
    {
        public AgreementGroup Group(string key, DateTimeOffset first, DateTimeOffset last) =>
            new(key, Items, Answers, Estimate.Value, Estimate.Lower, Estimate.Upper, first, last);
    }

    /// <summary>Rounded to 6 decimals like the file-form `labelforge agreement` output; null when undefined.</summary>
    internal static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;
}
