using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Privacy;

namespace Labelforge.Cli.Commands;

/// <summary>
/// `labelforge project pii PROJECT [--mask email,phone,iban,card,ip[,regex:PATTERN]] [--words FILE] [--report]`: the
/// project's personal-data masking. Without --mask or --words it shows the setting; --mask replaces the detectors and
/// the pattern, --words the word list, each keeping what the other set; --mask none turns the detectors off.
/// </summary>
internal static class ProjectPiiCommand
{
    private const string RegexPrefix = "regex:";

    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var mask = new Option<string?>("--mask")
        {
            Description = "Detectors to run, comma-separated: email, phone, iban, card, ip, and last regex:PATTERN (the pattern runs to the end, commas included); none: no detectors.",
        };
        var words = new Option<string?>("--words") { Description = "File of words or phrases to mask, one a line ('#' starts a comment); an empty file clears the list." };
        var report = new Option<bool>("--report") { Description = "Scan the items and list what the detectors find per item." };
        var limit = new Option<int>("--limit") { Description = "Items the report lists at most.", DefaultValueFactory = _ => PiiOperations.DefaultReportLimit };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("pii", "Show or set a project's personal-data masking; report what it finds.") { project, mask, words, report, limit, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var ops = store.Get<PiiOperations>();
            var settings = await ops.GetAsync(p.Id, ct);
            if (parse.GetValue(mask) is { } list)
            {
                var (detectors, pattern) = ParseMask(list);
                settings = settings with { Detectors = detectors, Pattern = pattern };
            }
            if (parse.GetValue(words) is { } file)
                settings = settings with { Words = ReadWords(file) };
            if (parse.GetValue(mask) is not null || parse.GetValue(words) is not null)
                settings = await ops.SetAsync(p.Id, settings, ct);
            var found = parse.GetValue(report) ? await ops.ReportAsync(p.Id, parse.GetValue(limit), ct) : null;
            CliJson.Report(parse, json, new { project = p.Name, settings, report = found }, Text(p.Name, settings, found));
            return 0;
        });
        return command;
    }

    /// <summary>The detector names and the pattern of a --mask value.</summary>
    internal static (IReadOnlyList<string> Detectors, string? Pattern) ParseMask(string value)
    {
        if (value.Trim() is "none" or "")
            return ([], null);
        var detectors = new List<string>();
        string? pattern = null;
        var rest = value;
        while (rest.Length > 0)
        {
            var trimmed = rest.TrimStart();
            if (trimmed.StartsWith(RegexPrefix, StringComparison.OrdinalIgnoreCase))
            {
                pattern = trimmed[RegexPrefix.Length..];
                if (pattern.Length == 0)
                    throw new CliException("--mask regex: needs a pattern after the colon");
                break;
            }
            var comma = rest.IndexOf(',', StringComparison.Ordinal);
            var name = (comma < 0 ? rest : rest[..comma]).Trim();
            if (name.Length > 0)
                detectors.Add(name);
            rest = comma < 0 ? "" : rest[(comma + 1)..];
        }
        PiiOperations.ParseKinds(detectors);
        return (detectors, pattern);
    }

    private static List<string> ReadWords(string path)
    {
        if (!File.Exists(path))
            throw new CliException($"{path}: no such file (--words)");
        return [.. File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }

    private static string Text(string project, PiiSettingsView settings, PiiReport? report)
    {
        var detectors = settings.Detectors.Count == 0 ? "none" : string.Join(", ", settings.Detectors);
        var lines = new List<string>
        {
            $"{project}: detectors {detectors}; pattern {(settings.Pattern is null ? "none" : settings.Pattern)}; {settings.Words.Count} words" +
            (settings.SameLengthMasks ? "; same-length masks (span project)" : ""),
        };
        if (report is not null)
        {
            lines.Add($"{report.ItemsWithDetections} of {report.ItemsScanned} items hold personal data: " +
                string.Join(", ", report.Totals.Where(t => t.Value > 0).Select(t => $"{t.Key} {t.Value}")));
            lines.AddRange(report.Items.Select(i => $"  item {i.ItemId}{(i.ExternalId is null ? "" : $" ({i.ExternalId})")}: " +
                string.Join(", ", i.Counts.Select(c => $"{c.Key} {c.Value}"))));
            if (report.Truncated)
                lines.Add($"  ... more items; raise --limit to list them");
        }
        return string.Join(Environment.NewLine, lines);
    }
}
