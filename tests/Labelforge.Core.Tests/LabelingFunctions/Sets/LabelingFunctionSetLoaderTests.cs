using Labelforge.Core.LabelingFunctions;
using Labelforge.Core.LabelingFunctions.Functions;
using Labelforge.Core.LabelingFunctions.Sets;

namespace Labelforge.Core.Tests.LabelingFunctions.Sets;

public class LabelingFunctionSetLoaderTests
{
    private static LabelingFunctionSetLoadResult Load(string yaml) => LabelingFunctionSetLoader.LoadText(yaml, "set.yaml", Path.GetTempPath());

    [Fact]
    public void A_valid_set_compiles_every_kind_with_its_label()
    {
        var result = Load("""
            labels: [ham, spam]
            functions:
              - {name: link, kind: regex, pattern: 'https?://', label: spam}
              - {name: song, kind: keyword, keywords: [song], label: ham}
              - {name: big, kind: field, field: n, op: gt, value: 3, label: spam}
              - {name: alice, kind: annotations, author: alice}
            """);
        Assert.Empty(result.Errors);
        var set = result.Set!;
        Assert.Equal(["link", "song", "big", "alice"], set.Names);
        Assert.Equal(1, set.Functions[0].Apply(new LabelingFunctionDocument("see http://x")));
        var doc = new LabelingFunctionDocument("x", System.Text.Json.JsonDocument.Parse("""{"n": 5}""").RootElement,
            new Dictionary<string, string> { ["alice"] = "ham" });
        Assert.Equal(1, set.Functions[2].Apply(doc));
        Assert.Equal(0, set.Functions[3].Apply(doc));
    }

    [Fact]
    public void Regexes_run_linear_time_where_possible_and_backtrack_only_when_they_must()
    {
        var set = Load("""
            labels: [ham, spam]
            functions:
              - {name: link, kind: regex, pattern: 'HTTPS?://', label: spam, ignore_case: true}
              - {name: double, kind: regex, pattern: '(\w)\1', label: spam}
            """).Set!;
        var link = (RegexFunction)set.Functions[0];
        var repeated = (RegexFunction)set.Functions[1];
        Assert.True(link.Pattern.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking));
        Assert.True(repeated.Pattern.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled));
        Assert.Equal(1, link.Apply(new LabelingFunctionDocument("see http://x")));
        Assert.Equal(1, repeated.Apply(new LabelingFunctionDocument("free")));
        Assert.Equal(Engine.LabelIndex.Abstain, repeated.Apply(new LabelingFunctionDocument("fre")));
    }

    [Fact]
    public void Every_problem_is_reported_with_line_and_column()
    {
        var result = Load("""
            labels: [ham, spam]
            functions:
              - name: a
                kind: magic
              - name: b
                kind: regex
                pattern: '['
                label: spam
              - name: c
                kind: keyword
                keywords: [x]
                label: eggs
                colour: red
            """);
        Assert.Null(result.Set);
        Assert.Equal(4, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Line == 4 && e.Message.Contains("unknown kind 'magic'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Line == 7 && e.Message.Contains("bad regex", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Line == 12 && e.Message.Contains("unknown label 'eggs'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Line == 13 && e.Column == 5 && e.Message.Contains("unknown key 'colour'", StringComparison.Ordinal));
    }

    [Fact]
    public void Fingerprints_change_with_the_definition_only()
    {
        const string template = "labels: [ham, spam]\nfunctions:\n  - {name: NAME, kind: keyword, keywords: [KW], label: spam}\n";
        string Fingerprint(string name, string keyword) =>
            Load(template.Replace("NAME", name, StringComparison.Ordinal).Replace("KW", keyword, StringComparison.Ordinal)).Set!.Fingerprints[0];
        Assert.Equal(Fingerprint("a", "free"), Fingerprint("b", "free"));
        Assert.NotEqual(Fingerprint("a", "free"), Fingerprint("a", "gratis"));
    }

    [Fact]
    public void A_missing_file_says_where_it_looked()
    {
        var result = Load("labels: [a, b]\nfunctions:\n  - {name: g, kind: lookup, file: nowhere.txt, label: a}\n");
        Assert.Contains("nowhere.txt", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }
}
