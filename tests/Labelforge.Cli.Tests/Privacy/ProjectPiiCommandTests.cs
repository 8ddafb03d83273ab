namespace Labelforge.Cli.Tests.Privacy;

/// <summary>`project pii PROJECT --mask ... [--words FILE] [--report]` and `export --unmasked`.</summary>
public class ProjectPiiCommandTests
{
    private const string Rows = """
        {"text":"Ann Lee wrote from ann@example.org, ticket CUST-0042, card 4111 1111 1111 1111"}
        {"text":"No personal data here"}

        """;

    [Fact]
    public async Task Sets_shows_and_reports_masking_and_exports_follow_it()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "a,b");
        await cli.JsonAsync("import", "p", cli.File("in.jsonl", Rows));

        var shown = await cli.JsonAsync("project", "pii", "p");
        Assert.Empty(shown.GetProperty("settings").GetProperty("detectors").EnumerateArray());

        // The pattern runs to the end of --mask, commas included.
        var set = await cli.JsonAsync("project", "pii", "p", "--mask", "email,card,regex:CUST-\\d{1,6}", "--words", cli.File("words.txt", "# names\nAnn Lee\n"));
        var settings = set.GetProperty("settings");
        Assert.Equal(["email", "card"], settings.GetProperty("detectors").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("CUST-\\d{1,6}", settings.GetProperty("pattern").GetString());
        Assert.Equal("Ann Lee", settings.GetProperty("words")[0].GetString());

        var report = (await cli.JsonAsync("project", "pii", "p", "--report")).GetProperty("report");
        Assert.Equal((2, 1), (report.GetProperty("items_scanned").GetInt64(), report.GetProperty("items_with_detections").GetInt64()));
        var counts = report.GetProperty("items")[0].GetProperty("counts");
        Assert.Equal((1, 1, 2), (counts.GetProperty("email").GetInt32(), counts.GetProperty("card").GetInt32(), counts.GetProperty("custom").GetInt32()));

        var text = await cli.RunAsync("project", "pii", "p", "--report");
        Assert.Contains("1 of 2 items hold personal data: email 1, card 1, custom 2", text.Out, StringComparison.Ordinal);

        var masked = cli.File("masked.jsonl", "");
        await cli.JsonAsync("export", "p", "--format", "jsonl", "--output", masked);
        Assert.Contains("[PII] wrote from [EMAIL], ticket [PII], card [CARD]", File.ReadAllText(masked), StringComparison.Ordinal);
        var unmasked = cli.File("unmasked.jsonl", "");
        await cli.JsonAsync("export", "p", "--format", "jsonl", "--output", unmasked, "--unmasked");
        Assert.Contains("Ann Lee wrote from ann@example.org, ticket CUST-0042", File.ReadAllText(unmasked), StringComparison.Ordinal);

        var off = await cli.JsonAsync("project", "pii", "p", "--mask", "none");
        Assert.Empty(off.GetProperty("settings").GetProperty("detectors").EnumerateArray());
        // The summary leaves null values out: no pattern is left.
        Assert.False(off.GetProperty("settings").TryGetProperty("pattern", out var pattern) && pattern.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Unknown_detectors_and_bad_patterns_are_clear_errors()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p");
        var unknown = await cli.RunAsync("project", "pii", "p", "--mask", "email,ssn");
        Assert.Equal((1, "error: Unknown detector 'ssn'; use any of: email, phone, iban, card, ip."), (unknown.Code, unknown.Err.Trim()));
        var pattern = await cli.RunAsync("project", "pii", "p", "--mask", "regex:(open");
        Assert.Equal(1, pattern.Code);
        Assert.StartsWith("error: The pattern is not a regular expression", pattern.Err.Trim(), StringComparison.Ordinal);
    }
}
