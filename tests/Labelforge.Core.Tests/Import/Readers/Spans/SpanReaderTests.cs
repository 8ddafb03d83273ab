using Labelforge.Core.Import.Readers.Spans;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Import;

namespace Labelforge.Core.Tests.Import.Readers.Spans;

/// <summary>CoNLL and spaCy JSONL readers: offsets, tagging schemes and the errors bad files get.</summary>
public class SpanReaderTests
{
    [Fact]
    public async Task Conll_reads_iob1_and_bio_space_and_tab_columns_and_keeps_adjacent_entities_apart()
    {
        var path = ImportTestFiles.Path("conll", "iob1-and-adjacent.conll");
        var (records, errors) = await ImportTestFiles.ReadAllAsync(path, ImportFormat.Conll);

        Assert.Empty(errors);
        Assert.Equal(2, records.Count);
        Assert.Equal("EU rejects German call .", records[0].Text);
        Assert.Equal(3, records[0].Line);
        Assert.Equal([new ImportedSpan(0, 2, "ORG"), new ImportedSpan(11, 17, "MISC")], records[0].Annotations[0].Spans);
        Assert.Equal("Peter Blackburn Paris London visit New York", records[1].Text);
        // I- after O starts an entity (IOB1); B- after an entity of the same label starts a new one.
        Assert.Equal(
            [new ImportedSpan(0, 15, "PER"), new ImportedSpan(16, 21, "LOC"), new ImportedSpan(22, 28, "LOC"), new ImportedSpan(35, 43, "LOC")],
            records[1].Annotations[0].Spans);
        Assert.Contains("\"tokens\":[\"Peter\",\"Blackburn\",\"Paris\",\"London\",\"visit\",\"New\",\"York\"]", records[1].Document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_conll_lines_fail_their_sentence_with_file_line_and_field_and_the_rest_is_read()
    {
        var path = ImportTestFiles.Path("conll", "bad-tags.conll");
        var (records, errors) = await ImportTestFiles.ReadAllAsync(path);

        Assert.Equal(["Good line", "Still good"], records.Select(r => r.Text));
        Assert.Equal(2, errors.Count);
        Assert.Equal((path, 5L, "tag"), (errors[0].File, errors[0].Line, errors[0].Field));
        Assert.Contains("tag 'X-person' is not O, B-LABEL or I-LABEL", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((8L, "tag"), (errors[1].Line, errors[1].Field));
        Assert.Contains("has one field", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conll_line_that_is_not_utf8_is_an_error_on_its_line()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("conll", "not-utf8.conll"));
        Assert.Equal(["ok"], records.Select(r => r.Text));
        Assert.Equal(1, Assert.Single(errors).Line);
        Assert.Contains("not valid UTF-8", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spacy_offsets_count_code_points_and_become_utf16_offsets()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("spacy-jsonl", "good.jsonl"), ImportFormat.SpacyJsonl);

        Assert.Empty(errors);
        var spans = records[0].Annotations[0].Spans!;
        Assert.Equal([new ImportedSpan(0, 3, "person"), new ImportedSpan(11, 14, "person"), new ImportedSpan(18, 21, "location")], spans);
        Assert.Equal("Bob", records[0].Text[11..14]);
        Assert.Equal("Zoë", records[0].Text[18..21]);
        Assert.Contains("\"meta\":{\"source\":\"x\"}", records[0].Document, StringComparison.Ordinal);
        Assert.Empty(records[1].Annotations[0].Spans!);
        Assert.Empty(records[2].Annotations);
    }

    [Fact]
    public async Task Bad_spacy_lines_name_the_line_and_the_span_field()
    {
        var path = ImportTestFiles.Path("spacy-jsonl", "bad.jsonl");
        var (records, errors) = await ImportTestFiles.ReadAllAsync(path, ImportFormat.SpacyJsonl);

        Assert.Equal(["fine"], records.Select(r => r.Text));
        Assert.Equal(
            [(1L, "spans[0]"), (2L, "spans[1].label"), (3L, null), (4L, "text"), (5L, "spans[0]")],
            errors.Select(e => (e.Line, e.Field)));
        Assert.Contains("offsets 0..9 do not lie in the text (3 characters)", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("integer \"start\" and \"end\"", errors[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Label_studio_labels_results_become_spans_and_bad_ones_name_the_result()
    {
        var path = ImportTestFiles.Path("label-studio", "spans-bad.json");
        var (records, errors) = await ImportTestFiles.ReadAllAsync(path, ImportFormat.LabelStudio);

        var first = Assert.Single(records);
        Assert.Equal([new ImportedSpan(0, 3, "person")], first.Annotations.Single().Spans);
        Assert.Equal(
            [(4L, "annotations[0].result[0].value.text"), (6L, "annotations[0].result[0].value"), (8L, "predictions[0].result[0].value.labels")],
            errors.Select(e => (e.Line, e.Field)));
        Assert.Contains("text 'Rob' differs from the task's text at 8..11 ('Bob')", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("offsets 8..30 do not lie in the task's text (11 characters)", errors[1].Message, StringComparison.Ordinal);
    }
}
