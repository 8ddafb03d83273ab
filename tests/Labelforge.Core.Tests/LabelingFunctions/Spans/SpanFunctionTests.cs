using Labelforge.Core.LabelingFunctions;
using Labelforge.Core.LabelingFunctions.Functions;
using Labelforge.Core.LabelingFunctions.Sets;
using Labelforge.Engine.Spans;

namespace Labelforge.Core.Tests.LabelingFunctions.Spans;

/// <summary>The spans keyword, lookup and regex functions mark: offsets of every match, by the same rules as their votes.</summary>
public class SpanFunctionTests
{
    private static LabelingFunctionSet Load(string yaml, string? folder = null)
    {
        var result = LabelingFunctionSetLoader.LoadText(yaml, "set.yaml", folder ?? Path.GetTempPath(), spans: true);
        Assert.True(result.Set is not null, string.Join("; ", result.Errors));
        return result.Set;
    }

    private static IReadOnlyList<LabeledRange> Spans(LabelingFunction function, string text) => function.Spans(new LabelingFunctionDocument(text));

    [Fact]
    public void Whole_word_keywords_mark_token_sequences_ignoring_case_and_separators()
    {
        var set = Load("""
            labels: [person, location]
            functions:
              - name: cities
                kind: keyword
                keywords: [new york, Paris]
                label: location
              - name: exact
                kind: keyword
                keywords: [Ada]
                case_sensitive: true
                label: person
            """);
        const string text = "NEW  York, then paris; Parisian ada Ada.";
        Assert.Equal([new(0, 9, 1), new(16, 21, 1)], Spans(set.Functions[0], text));
        Assert.Equal([new(36, 39, 0)], Spans(set.Functions[1], text));
        Assert.True(set.Functions.All(f => f.EmitsSpans));
    }

    [Fact]
    public void Substring_keywords_mark_every_occurrence_and_match_all_marks_only_when_all_occur()
    {
        var set = Load("""
            labels: [product]
            functions:
              - name: phones
                kind: keyword
                keywords: [phone]
                whole_word: false
                label: product
              - name: both
                kind: keyword
                keywords: [ipad, mini]
                match: all
                label: product
            """);
        Assert.Equal([new(1, 6, 0), new(9, 14, 0)], Spans(set.Functions[0], "iPhone, iphones"));
        Assert.Empty(Spans(set.Functions[1], "an ipad"));
        Assert.Equal([new(3, 7, 0), new(8, 12, 0)], Spans(set.Functions[1], "an iPad mini"));
    }

    [Fact]
    public void Regex_marks_each_match_or_its_named_group_and_a_lookup_marks_its_terms()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lf-spans-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "cities.txt"), "# cities\nNew York\nLos Angeles\n");
        try
        {
            var set = Load("""
                labels: [person, location]
                functions:
                  - name: titled
                    kind: regex
                    pattern: '(?:Mr|Ms)\. (?<name>[A-Z]\w+)'
                    group: name
                    label: person
                  - name: caps
                    kind: regex
                    pattern: '[A-Z]{2,}'
                    label: location
                  - name: gazetteer
                    kind: lookup
                    file: cities.txt
                    label: location
                """, folder);
            const string text = "Mr. Smith and Ms. Lee flew from new york to LA";
            Assert.Equal([new(4, 9, 0), new(18, 21, 0)], Spans(set.Functions[0], text));
            Assert.Equal([new(44, 46, 1)], Spans(set.Functions[1], text));
            Assert.Equal([new(32, 40, 1)], Spans(set.Functions[2], text));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void One_label_is_enough_for_spans_but_not_for_votes()
    {
        const string yaml = "labels: [person]\nfunctions:\n  - name: f\n    kind: regex\n    pattern: 'x'\n    label: person\n";
        Assert.NotNull(LabelingFunctionSetLoader.LoadText(yaml, "set.yaml", Path.GetTempPath(), spans: true).Set);
        Assert.Contains("at least two label names", Assert.Single(LabelingFunctionSetLoader.LoadText(yaml, "set.yaml", Path.GetTempPath()).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_the_pattern_lacks_is_an_error_at_its_line_and_other_kinds_mark_no_spans()
    {
        var result = LabelingFunctionSetLoader.LoadText("""
            labels: [person]
            functions:
              - name: titled
                kind: regex
                pattern: 'Mr\. (\w+)'
                group: name
                label: person
            """, "set.yaml", Path.GetTempPath(), spans: true);
        var error = Assert.Single(result.Errors);
        Assert.Equal(6, error.Line);
        Assert.Contains("`group: name` is not a group of the pattern; its groups are 0, 1", error.Message, StringComparison.Ordinal);

        var field = Load("""
            labels: [person]
            functions:
              - name: by_field
                kind: field
                field: source
                value: news
                label: person
            """);
        Assert.False(field.Functions[0].EmitsSpans);
        Assert.Throws<NotSupportedException>(() => Spans(field.Functions[0], "text"));
    }
}
