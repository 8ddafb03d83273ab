using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Tests.Import.Readers;

/// <summary>Files in the shapes other labeling tools write (doccano, Prodigy, Hugging Face-style class ids), read by the readers.</summary>
public class ForeignToolReaderTests
{
    private static readonly ImportFieldMap LabelField = new(LabelField: "label");

    [Fact]
    public async Task Doccano_label_lists_keep_every_label_with_the_field_they_came_from()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("doccano", "classification.jsonl"), map: LabelField);

        Assert.Empty(errors);
        Assert.Equal(4, records.Count);
        var two = Assert.Single(records[1].Annotations);
        Assert.Equal(["positive", "negative"], two.Labels);
        Assert.Equal("label", two.Field);
        Assert.Empty(records[3].Annotations);
    }

    [Fact]
    public async Task Doccano_span_labels_are_named_not_called_non_strings()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("doccano", "spans.jsonl"), map: LabelField);

        Assert.Empty(records);
        var error = Assert.Single(errors);
        Assert.Equal((1L, "label"), (error.Line, error.Field));
        Assert.Contains("span labels [start, end, \"label\"]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("labels must be strings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prodigy_ignores_are_skipped_and_rejects_are_marked()
    {
        var path = ImportTestFiles.Path("prodigy", "insult.jsonl");
        var (records, errors) = await ImportTestFiles.ReadAllAsync(path, map: LabelField);
        var ignored = 0;
        await foreach (var entry in ImportReaders.ReadAsync(path, null, LabelField, ImportReaderOptions.Default, TestContext.Current.CancellationToken))
            ignored += entry.Ignored is null ? 0 : 1;

        Assert.Empty(errors);
        Assert.Equal(2, ignored);
        Assert.Equal([false, true, false, true], records.Select(r => Assert.Single(r.Annotations).Rejected));
        Assert.All(records, r => Assert.Equal(["INSULT"], r.Annotations[0].Labels));
    }

    [Theory]
    [InlineData("spans.jsonl", "spans", "Prodigy \"spans\"")]
    [InlineData("choice.jsonl", "accept", "multiple-choice")]
    public async Task Prodigy_spans_and_choices_are_refused_when_labels_are_read(string file, string field, string message)
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("prodigy", file), map: LabelField);

        Assert.DoesNotContain(records, r => r.Annotations.Count > 0);
        var error = errors.First();
        Assert.Equal((1L, field), (error.Line, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);

        var (texts, none) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("prodigy", file));
        Assert.Empty(none);
        Assert.All(texts, r => Assert.Empty(r.Annotations));
    }

    [Fact]
    public async Task Numeric_class_ids_in_json_are_read_as_their_text()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("jsonl", "class-ids.jsonl"), map: LabelField);

        Assert.Empty(errors);
        Assert.Equal(["2", "1", "0", "7"], records.Select(r => Assert.Single(Assert.Single(r.Annotations).Labels)));
    }
}
