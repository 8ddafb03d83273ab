using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Audit;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Items;
using Labelforge.Core.Projects;
using Labelforge.Engine.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Privacy;

/// <summary>
/// A project's personal-data masking: the detectors it runs (set, show), the masker readers apply for callers who may
/// not see personal data, and the report of what the detectors find per item.
/// </summary>
public sealed class PiiOperations(LabelforgeDb db, TimeProvider time, AuditLog audit)
{
    /// <summary>Per-item rows a report lists unless asked for another number.</summary>
    public const int DefaultReportLimit = 1_000;

    /// <summary>The most words a list may hold.</summary>
    public const int MaxWords = 100_000;

    /// <summary>Items a preview without a named item looks through for one with something to mask.</summary>
    public const int PreviewScan = 500;

    /// <summary>The most characters of a text a preview shows (and masks).</summary>
    public const int PreviewChars = 5_000;

    public async Task<PiiSettingsView> GetAsync(long projectId, CancellationToken ct = default)
    {
        var project = await RequireProject.FindAsync(db.Projects.AsNoTracking(), projectId, ct);
        var row = await db.PiiSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == projectId, ct);
        return View(row, project.TaskType);
    }

    /// <summary>Replaces the project's masking; unknown detector names and patterns that do not parse are refused (400).</summary>
    public async Task<PiiSettingsView> SetAsync(long projectId, PiiSettingsView settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var project = await RequireProject.FindAsync(db.Projects.AsNoTracking(), projectId, ct);
        var (kinds, pattern, words) = Validate(settings);
        var row = await db.PiiSettings.FirstOrDefaultAsync(s => s.ProjectId == projectId, ct);
        if (row is null)
        {
            row = new PiiSettings { ProjectId = projectId, Detectors = "" };
            db.PiiSettings.Add(row);
        }
        row.Detectors = string.Join(',', kinds.Select(k => k.ToWire()));
        row.Pattern = pattern;
        row.WordsJson = words.Count == 0 ? null : JsonSerializer.Serialize(words);
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        // The setting, not the words: a word list is itself personal data (names), so the log keeps only its size.
        await audit.WriteAsync(AuditActions.PiiSettingsChanged, projectId, project.Name, new
        {
            detectors = kinds.Select(k => k.ToWire()), pattern = pattern is not null, words = words.Count,
        }, ct);
        return View(row, project.TaskType);
    }

    /// <summary>
    /// How <paramref name="settings"/> (saved or not) would mask a sample: <paramref name="text"/> when given, else
    /// item <paramref name="itemId"/>, else the first of the project's first <see cref="PreviewScan"/> items with a
    /// detection (or its first item). For managers: it shows the original next to the masked text.
    /// </summary>
    public async Task<PiiPreview> PreviewAsync(long projectId, PiiSettingsView settings, long? itemId = null, string? text = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var project = await RequireProject.FindAsync(db.Projects.AsNoTracking(), projectId, ct);
        var (kinds, pattern, words) = Validate(settings);
        var options = new PiiDetectorOptions(kinds, pattern, words);
        var masker = options.IsEmpty ? ItemMasker.None : new ItemMasker(new PiiDetector(options), StyleOf(project.TaskType));
        if (text is not null)
            return Preview(null, null, text, masker);
        var items = db.Items.AsNoTracking().Where(i => i.ProjectId == projectId);
        if (itemId is { } id)
        {
            var named = await items.Where(i => i.Id == id).Select(i => new { i.Id, i.ExternalId, i.Text }).FirstOrDefaultAsync(ct)
                ?? throw LabelforgeException.NotFound($"No item {id} in project '{project.Name}'.");
            return Preview(named.Id, named.ExternalId, named.Text, masker);
        }
        var sample = await items.OrderBy(i => i.Id).Take(PreviewScan).Select(i => new { i.Id, i.ExternalId, i.Text }).ToListAsync(ct);
        if (sample.Count == 0)
            throw LabelforgeException.NotFound($"Project '{project.Name}' has no items yet; send a text to preview.");
        var chosen = masker.IsEmpty ? sample[0]
            : sample.FirstOrDefault(i => masker.Detect(Clip(i.Text)).Count > 0 || masker.Detect(i.ExternalId).Count > 0) ?? sample[0];
        return Preview(chosen.Id, chosen.ExternalId, chosen.Text, masker);
    }

    private static PiiPreview Preview(long? itemId, string? externalId, string text, ItemMasker masker)
    {
        var shown = Clip(text);
        var detections = masker.Detect(shown);
        return new PiiPreview(itemId, externalId, masker.ExternalId(externalId), shown, masker.IsEmpty ? shown : PiiMasker.Mask(shown, detections, masker.Style),
            shown.Length < text.Length, [.. detections.Select(d => new PiiPreviewDetection(d.Kind.ToWire(), d.Start, d.End))],
            masker.Style == PiiMaskStyle.SameLength);
    }

    private static string Clip(string text) => text.Length <= PreviewChars ? text : text[..PreviewChars];

    /// <summary>The setting's detectors, pattern and words, checked: an unknown detector, a bad pattern or too many words is a 400.</summary>
    private static (IReadOnlyList<PiiKind> Kinds, string? Pattern, List<string> Words) Validate(PiiSettingsView settings)
    {
        var kinds = ParseKinds(settings.Detectors);
        var pattern = string.IsNullOrWhiteSpace(settings.Pattern) ? null : settings.Pattern;
        if (pattern is not null && PiiDetector.CheckPattern(pattern) is { } problem)
            throw LabelforgeException.Invalid($"The pattern is not a regular expression: {problem}");
        var words = (settings.Words ?? []).Select(w => w.Trim()).Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (words.Count > MaxWords)
            throw LabelforgeException.Invalid($"A word list holds at most {MaxWords} entries; this one has {words.Count}.");
        return (kinds, pattern, words);
    }

    /// <summary>
    /// The masker for callers who may not see personal data (annotators, reviewers, exports without --unmasked);
    /// <see cref="ItemMasker.None"/> when <paramref name="unmasked"/> or when the project masks nothing.
    /// </summary>
    public async Task<ItemMasker> MaskerAsync(long projectId, bool unmasked = false, CancellationToken ct = default)
    {
        if (unmasked)
            return ItemMasker.None;
        var row = await db.PiiSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == projectId, ct);
        if (row is null)
            return ItemMasker.None;
        var taskType = await db.Projects.Where(p => p.Id == projectId).Select(p => p.TaskType).FirstOrDefaultAsync(ct);
        return Masker(row, taskType);
    }

    /// <summary>Scans every item of the project; lists up to <paramref name="limit"/> items with detections.</summary>
    public async Task<PiiReport> ReportAsync(long projectId, int limit = DefaultReportLimit, CancellationToken ct = default)
    {
        if (limit < 0)
            throw LabelforgeException.Invalid("The report's limit must be 0 or more.");
        await RequireProject.ExistsAsync(db, projectId, ct);
        var masker = await MaskerAsync(projectId, ct: ct);
        var totals = PiiKinds.Builtin.Append(PiiKind.Custom).ToDictionary(k => k, _ => 0L);
        var listed = new List<PiiItemReport>();
        var (scanned, withAny, truncated) = (0L, 0L, false);
        var counts = new Dictionary<PiiKind, int>();
        var items = db.Items.AsNoTracking().Where(i => i.ProjectId == projectId).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.ExternalId, i.Text, i.DataJson, i.TextSlot }).AsAsyncEnumerable();
        await foreach (var i in items.WithCancellation(ct))
        {
            scanned++;
            if (masker.IsEmpty)
                continue;
            counts.Clear();
            masker.Count(i.ExternalId, ItemDocument.Compose(i.Text, i.DataJson, i.TextSlot), counts);
            if (counts.Count == 0)
                continue;
            withAny++;
            foreach (var (kind, n) in counts)
                totals[kind] += n;
            if (listed.Count < limit)
                listed.Add(new PiiItemReport(i.Id, masker.ExternalId(i.ExternalId), counts.OrderBy(c => c.Key).ToDictionary(c => c.Key.ToWire(), c => c.Value)));
            else
                truncated = true;
        }
        return new PiiReport(scanned, withAny, totals.ToDictionary(t => t.Key.ToWire(), t => t.Value), listed, truncated);
    }

    /// <summary>Detector wire names to kinds, in wire order; an unknown name is a 400 listing the known ones.</summary>
    public static IReadOnlyList<PiiKind> ParseKinds(IEnumerable<string>? names)
    {
        var kinds = new HashSet<PiiKind>();
        foreach (var name in names ?? [])
        {
            if (string.IsNullOrWhiteSpace(name))
                continue;
            if (!PiiKinds.TryParse(name, out var kind))
                throw LabelforgeException.Invalid($"Unknown detector '{name.Trim()}'; use any of: {string.Join(", ", PiiKinds.Builtin.Select(k => k.ToWire()))}.");
            kinds.Add(kind);
        }
        return [.. PiiKinds.Builtin.Where(kinds.Contains)];
    }

    private static ItemMasker Masker(PiiSettings row, string? taskType)
    {
        var options = new PiiDetectorOptions(ParseKinds(row.Detectors.Split(',')), row.Pattern, Words(row.WordsJson));
        return options.IsEmpty ? ItemMasker.None : new ItemMasker(new PiiDetector(options), StyleOf(taskType));
    }

    /// <summary>Text-spans projects keep offsets (same-length masks); the others show tags.</summary>
    private static PiiMaskStyle StyleOf(string? taskType) =>
        taskType is not null && TaskTypes.ValueKind(taskType) == AnnotationValueKind.Spans ? PiiMaskStyle.SameLength : PiiMaskStyle.Tag;

    private static List<string> Words(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private static PiiSettingsView View(PiiSettings? row, string taskType) =>
        new(row is null || row.Detectors.Length == 0 ? [] : row.Detectors.Split(','), row?.Pattern, row is null ? [] : Words(row.WordsJson))
        {
            SameLengthMasks = StyleOf(taskType) == PiiMaskStyle.SameLength,
        };
}
