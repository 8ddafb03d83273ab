using Labelforge.Core.Import.Readers;
using System.Text;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Export;
using Labelforge.Core.Import;
using Labelforge.Core.Projects;

namespace Labelforge.Core.Tests.Export;

/// <summary>Span formats round-trip exactly: a slice of the WNUT17 CoNLL file and spaCy JSONL through a project and back.</summary>
public class SpanRoundTripTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The first <paramref name="count"/> sentences of the WNUT17 training file whose text was not seen before (the
    /// importer skips repeated texts), each with the line that ends it as the file has it (empty, or a tab).
    /// </summary>
    private static string WnutSlice(int count)
    {
        var lines = File.ReadAllText(Path.Combine(TestPaths.Datasets, "ner-wnut17", "wnut17train.conll"), Encoding.UTF8).Split('\n');
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var slice = new StringBuilder();
        var sentence = new List<string>();
        var separators = 0;
        foreach (var line in lines)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                sentence.Add(line);
                continue;
            }
            if (sentence.Count > 0 && seen.Add(string.Join(' ', sentence.Select(l => l.Split('\t')[0]))))
            {
                slice.Append(string.Concat(sentence.Select(l => l + "\n"))).Append(line).Append('\n');
                separators += line.Length > 0 ? 1 : 0;
                if (seen.Count == count)
                    break;
            }
            sentence.Clear();
        }
        Assert.True(separators > 0, "the slice should hold sentences ended by a tab line");
        return slice.ToString();
    }

    private static async Task<Project> ImportAsync(TestDb t, string name, string content, ImportFormat format)
    {
        var project = await t.Get<ProjectOperations>().CreateAsync(new NewProject(name, TaskTypes.TextSpans), Ct);
        var file = Path.Combine(Path.GetDirectoryName(t.Path)!, name + ".in");
        await File.WriteAllTextAsync(file, content, Ct);
        var report = await t.Get<ImportOperations>().ImportAsync(project.Id, file, format,
            ImportReaders.ReadAsync(file, format, new ImportFieldMap(), ImportReaderOptions.Default, Ct), new ImportOptions(CreateLabels: true), ct: Ct);
        Assert.Equal(0, report.ErrorCount);
        return project;
    }

    private static async Task<string> ExportAsync(TestDb t, Project project, ExportFormat format)
    {
        using var output = new MemoryStream();
        await t.Get<ExportOperations>().WriteAsync(new ExportRequest(project.Id, format, History: false), output, Ct);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public async Task Wnut17_conll_comes_back_byte_for_byte_directly_and_through_spacy_jsonl()
    {
        await using var t = await TestDb.CreateAsync();
        var conll = WnutSlice(300);
        var project = await ImportAsync(t, "wnut", conll, ImportFormat.Conll);
        Assert.Equal(6, t.Db.Labels.Count());
        Assert.Equal(conll, await ExportAsync(t, project, ExportFormat.Conll));

        var spacy = await ExportAsync(t, project, ExportFormat.SpacyJsonl);
        var second = await ImportAsync(t, "wnut-spacy", spacy, ImportFormat.SpacyJsonl);
        Assert.Equal(spacy, await ExportAsync(t, second, ExportFormat.SpacyJsonl));
        Assert.Equal(conll, await ExportAsync(t, second, ExportFormat.Conll));
        var labelStudio = await ExportAsync(t, project, ExportFormat.LabelStudio);
        var third = await ImportAsync(t, "wnut-ls", labelStudio, ImportFormat.LabelStudio);
        Assert.Equal(conll, await ExportAsync(t, third, ExportFormat.Conll));
    }

    [Fact]
    public async Task Spacy_jsonl_with_emoji_offsets_round_trips_and_plain_texts_are_tokenized_for_conll()
    {
        await using var t = await TestDb.CreateAsync();
        const string spacy = "{\"text\":\"Ada met 😀 Bob (in Zoë's café)\",\"spans\":[{\"start\":0,\"end\":3,\"label\":\"person\"},{\"start\":10,\"end\":13,\"label\":\"person\"},{\"start\":18,\"end\":21,\"label\":\"location\"}]}\n"
            + "{\"text\":\"no annotation here\"}\n";
        var project = await ImportAsync(t, "emoji", spacy, ImportFormat.SpacyJsonl);
        Assert.Equal(spacy, await ExportAsync(t, project, ExportFormat.SpacyJsonl));
        Assert.Equal("Ada\tB-person\nmet\tO\n😀\tO\nBob\tB-person\n(\tO\nin\tO\nZoë\tB-location\n'\tO\ns\tO\ncafé\tO\n)\tO\n\nno\tO\nannotation\tO\nhere\tO\n\n",
            await ExportAsync(t, project, ExportFormat.Conll));
    }

    [Fact]
    public async Task Overlapping_spans_cannot_go_to_conll_and_span_formats_refuse_classification_projects()
    {
        await using var t = await TestDb.CreateAsync();
        var project = await t.Get<ProjectOperations>().CreateAsync(
            new NewProject("nested", TaskTypes.TextSpans, Labels: ["person", "location"], OverlappingSpans: true), Ct);
        await Seed.ImportAsync(t, project.Id, null, Seed.Row(1, "New York University", "a"));
        var item = t.Db.Items.Single().Id;
        await t.Get<AnnotationOperations>().SubmitAsync(project.Id, new NewAnnotation(item, "alice",
            Spans: [new NewSpan(0, 19, Label: "location"), new NewSpan(0, 8, Label: "location")]), Ct);

        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "has overlapping spans, which CoNLL BIO tags cannot hold", () => ExportAsync(t, project, ExportFormat.Conll));
        Assert.Contains("\"spans\":[{\"start\":0,\"end\":8,\"label\":\"location\"},{\"start\":0,\"end\":19,\"label\":\"location\"}]", await ExportAsync(t, project, ExportFormat.SpacyJsonl), StringComparison.Ordinal);
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "is text-spans; export it with --format conll or spacy-jsonl", () => ExportAsync(t, project, ExportFormat.Jsonl));
        var classes = await t.ProjectAsync("classes");
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "conll exports hold spans", () => ExportAsync(t, classes, ExportFormat.Conll));
    }
}
