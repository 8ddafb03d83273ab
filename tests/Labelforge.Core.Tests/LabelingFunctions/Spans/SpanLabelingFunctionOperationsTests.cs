using System.Text;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Core.LabelingFunctions.Spans;
using Labelforge.Core.Projects;

namespace Labelforge.Core.Tests.LabelingFunctions.Spans;

/// <summary>LF sets on text-spans projects: spans snapped, merged by votes, written as the span annotate page's suggestions.</summary>
public class SpanLabelingFunctionOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Rules = """
        labels: [person, location]
        functions:
          - name: titled
            kind: regex
            pattern: '(?:Mr|Ms)\. (?<name>[A-Z]\w+)'
            group: name
            label: person
          - name: smi
            kind: regex
            pattern: 'Smi'
            label: person
          - name: cities
            kind: lookup
            file: cities.txt
            label: location
          - name: york
            kind: keyword
            keywords: [york]
            label: location
        """;

    private static async Task<(TestDb Db, Project Project, string Folder)> SeedAsync(bool overlapping = false)
    {
        var t = await TestDb.CreateAsync();
        var project = await t.Get<ProjectOperations>().CreateAsync(
            new NewProject("ner", TaskTypes.TextSpans, Labels: ["person", "location"], OverlappingSpans: overlapping), Ct);
        await Seed.ImportAsync(t, project.Id, null,
            Seed.Row(1, "Mr. Smith flew to New York.", "a"), Seed.Row(2, "nothing here", "b"), Seed.Row(3, "Ms. Lee and Smithers", "c"));
        var folder = Path.GetDirectoryName(t.Path)!;
        await File.WriteAllTextAsync(Path.Combine(folder, "cities.txt"), "New York\nParis\n", Ct);
        return (t, project, folder);
    }

    private static async Task<IReadOnlyList<SpanView>?> SuggestedAsync(TestDb t, Project project, string externalId)
    {
        var item = t.Db.Items.Single(i => i.ExternalId == externalId).Id;
        var suggestions = await t.Get<AnnotationOperations>().SuggestionsAsync(project.Id, [item], AnnotationValueKind.Spans, Ct);
        return suggestions.TryGetValue(item, out var s) ? s.Spans : null;
    }

    [Fact]
    public async Task Apply_snaps_merges_by_votes_and_offers_the_spans_as_suggestions()
    {
        var (t, project, folder) = await SeedAsync();
        await using var _ = t;
        var ops = t.Get<SpanLabelingFunctionOperations>();
        var result = await ops.ApplyAsync(project.Id, "ner", Rules, Path.Combine(folder, "ner.yaml"), folder, Ct);

        Assert.Equal(("lf:ner@1", 1, true), (result.Author, result.Version, result.NewVersion));
        Assert.Equal((3, 2, 2), (result.Items, result.CoveredItems, result.Annotations));
        // "Smi" snaps to the token "Smith" and to "Smithers", so "Smith" has two votes; "York" loses to "New York", longer.
        Assert.Equal([(4, 9, "person"), (18, 26, "location")], (await SuggestedAsync(t, project, "a"))!.Select(s => (s.Start, s.End, s.Label)));
        Assert.Equal([(4, 7, "person"), (12, 20, "person")], (await SuggestedAsync(t, project, "c"))!.Select(s => (s.Start, s.End, s.Label)));
        Assert.Null(await SuggestedAsync(t, project, "b"));
        Assert.Equal([(2L, 2L), (2L, 2L), (1L, 1L), (1L, 1L)], result.Functions.Select(f => (f.Items, f.Spans)));
        var stored = t.Db.Annotations.Where(a => a.Author == "lf:ner@1").ToList();
        Assert.All(stored, a => Assert.Equal(AnnotationKind.Programmatic.ToWire(), a.Kind));

        var again = await ops.ApplyAsync(project.Id, "ner", Rules, Path.Combine(folder, "ner.yaml"), folder, Ct);
        Assert.Equal((1, false, 0), (again.Version, again.NewVersion, again.Annotations));
    }

    [Fact]
    public async Task A_project_with_overlapping_spans_keeps_every_distinct_span()
    {
        var (t, project, folder) = await SeedAsync(overlapping: true);
        await using var _ = t;
        await t.Get<SpanLabelingFunctionOperations>().ApplyAsync(project.Id, "ner", Rules, Path.Combine(folder, "ner.yaml"), folder, Ct);
        Assert.Equal([(4, 9, "person"), (18, 26, "location"), (22, 26, "location")],
            (await SuggestedAsync(t, project, "a"))!.Select(s => (s.Start, s.End, s.Label)));
    }

    [Fact]
    public async Task Whole_item_functions_and_the_label_model_steps_are_refused_with_their_line()
    {
        var (t, project, folder) = await SeedAsync();
        await using var _ = t;
        const string yaml = """
            labels: [person]
            functions:
              - name: titled
                kind: regex
                pattern: 'Mr\. \w+'
                label: person
              - name: by_source
                kind: field
                field: source
                value: news
                label: person
            """;
        var saved = await t.Get<LabelingFunctionProjectOperations>().SaveAsync(project.Id, "ner", yaml, "ner.yaml", folder, Ct);
        var problem = Assert.Single(saved.Errors);
        Assert.Equal((7, "by_source"), (problem.Line, problem.Function));
        Assert.Contains("decides about whole items, but this project labels spans", problem.Message, StringComparison.Ordinal);

        await t.Get<LabelingFunctionProjectOperations>().SaveAsync(project.Id, "ok", Rules, "ok.yaml", folder, Ct);
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "its labeling functions mark spans",
            () => t.Get<LabelingFunctionProjectOperations>().ApplySavedAsync(project.Id, "ok", folder, Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "its labeling functions mark spans",
            () => t.Get<LabelingFunctionProjectOperations>().FitAsync(project.Id, "ok", ct: Ct));
        var classes = await t.ProjectAsync("classes");
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "span labeling functions need a text-spans project",
            () => t.Get<SpanLabelingFunctionOperations>().ApplySavedAsync(classes.Id, "ok", folder, Ct));
        await ErrorAssert.FailsAsync(ErrorKind.NotFound, "has no saved version",
            () => t.Get<SpanLabelingFunctionOperations>().ApplySavedAsync(project.Id, "missing", folder, Ct));
    }

    /// <summary>
    /// A gazetteer of the location names in a WNUT17 slice finds them again: every span it suggests holds one of its
    /// terms (nearly all are one exactly), and it recovers the gold locations (those it misses lost to a longer
    /// overlapping term).
    /// </summary>
    [Fact]
    public async Task A_gazetteer_of_wnut17_locations_suggests_them_on_the_imported_sentences()
    {
        await using var t = await TestDb.CreateAsync();
        var project = await t.Get<ProjectOperations>().CreateAsync(new NewProject("wnut", TaskTypes.TextSpans), Ct);
        var folder = Path.GetDirectoryName(t.Path)!;
        var file = Path.Combine(folder, "wnut.conll");
        await File.WriteAllTextAsync(file, Slice(400), Ct);
        var report = await t.Get<ImportOperations>().ImportAsync(project.Id, file, ImportFormat.Conll,
            ImportReaders.ReadAsync(file, ImportFormat.Conll, new ImportFieldMap(), ImportReaderOptions.Default, Ct), new ImportOptions(CreateLabels: true), ct: Ct);
        Assert.Equal(0, report.ErrorCount);
        var location = t.Db.Labels.Single(l => l.Name == "location").Id;
        var texts = t.Db.Items.Where(i => i.ProjectId == project.Id).ToDictionary(i => i.Id, i => i.Text);
        var gold = t.Db.Annotations.Where(a => a.Kind == "import").ToList()
            .SelectMany(a => AnnotationValueJson.ReadSpans(a.LabelIdsJson).Where(s => s.LabelId == location).Select(s => (a.ItemId, s.Start, s.End))).ToList();
        var terms = gold.Select(g => texts[g.ItemId][g.Start..g.End]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.True(gold.Count >= 20, $"the slice should hold some locations, has {gold.Count}");
        await File.WriteAllLinesAsync(Path.Combine(folder, "places.txt"), terms, Ct);

        const string yaml = "labels: [location]\nfunctions:\n  - name: places\n    kind: lookup\n    file: places.txt\n    case_sensitive: true\n    label: location\n";
        var result = await t.Get<SpanLabelingFunctionOperations>().ApplyAsync(project.Id, "gaz", yaml, Path.Combine(folder, "gaz.yaml"), folder, Ct);
        var suggestions = await t.Get<AnnotationOperations>().SuggestionsAsync(project.Id, [.. texts.Keys], AnnotationValueKind.Spans, Ct);
        var suggested = suggestions.Where(s => s.Value.Author == "lf:gaz@1")
            .SelectMany(s => s.Value.Spans!.Select(x => (ItemId: s.Key, x.Start, x.End))).ToHashSet();

        Assert.Equal(result.Annotations, suggestions.Values.Count(s => s.Author == "lf:gaz@1"));
        // A term inside a longer CoNLL token (UK in @Queen_UK) is snapped out to the whole token: no span splits a token.
        Assert.All(suggested, s => Assert.Contains(terms, term => texts[s.ItemId][s.Start..s.End].Contains(term, StringComparison.Ordinal)));
        Assert.True(suggested.Count(s => terms.Contains(texts[s.ItemId][s.Start..s.End])) >= suggested.Count - 2);
        var recall = gold.Count(suggested.Contains) / (double)gold.Count;
        Assert.True(recall >= 0.95, $"recall {recall:P1} of {gold.Count} gold locations");
    }

    /// <summary>The first <paramref name="count"/> sentences of the WNUT17 training file (sentences end at a blank or tab-only line).</summary>
    private static string Slice(int count)
    {
        var slice = new StringBuilder();
        var (sentences, open) = (0, false);
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.Datasets, "ner-wnut17", "wnut17train.conll"), Encoding.UTF8))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                slice.Append(line).Append('\n');
                open = true;
                continue;
            }
            if (open)
            {
                slice.Append('\n');
                open = false;
                if (++sentences == count)
                    break;
            }
        }
        return slice.ToString();
    }
}
