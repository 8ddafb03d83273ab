using System.Text.RegularExpressions;
using Labelforge.Core.LabelingFunctions.Functions;
using Labelforge.Core.LabelingFunctions.Keywords;
using YamlDotNet.RepresentationModel;

namespace Labelforge.Core.LabelingFunctions.Sets;

/// <summary>
/// Turns one YAML function mapping into labeling functions. Keys per kind (all take <c>name</c>, <c>kind</c>):
/// keyword: <c>keywords</c>, <c>label</c>, <c>match</c> (any|all), <c>whole_word</c> (true), <c>case_sensitive</c> (false);
/// regex: <c>pattern</c>, <c>label</c>, <c>ignore_case</c> (false), <c>group</c> (the capture group that is the span in a text-spans project);
/// lookup: <c>file</c> (one term per line, # comments), <c>label</c>, <c>whole_word</c>, <c>case_sensitive</c>;
/// field: <c>field</c>, <c>op</c> (eq|ne|lt|le|gt|ge), <c>value</c>, <c>label</c>;
/// csharp: <c>file</c> or inline <c>code</c> (one function per public static method, named NAME.Method);
/// annotations: <c>author</c> and/or <c>field</c> (the vote is that author's label, or the field's value).
/// </summary>
public static class LabelingFunctionDefinitionParser
{
    private static readonly Dictionary<string, string[]> KeysOfKind = new()
    {
        ["keyword"] = ["keywords", "label", "match", "whole_word", "case_sensitive"],
        ["regex"] = ["pattern", "label", "ignore_case", "group"],
        ["lookup"] = ["file", "label", "whole_word", "case_sensitive"],
        ["field"] = ["field", "op", "value", "label"],
        ["csharp"] = ["file", "code"],
        ["annotations"] = ["author", "field"],
    };

    /// <summary>Usings inline C# gets for free, on its first line so the code's line numbers stay the YAML's.</summary>
    private const string InlinePrelude = "using System; using System.Linq; using System.Collections.Generic; using System.Text.RegularExpressions; using Labelforge.Core.LabelingFunctions; ";

    private static readonly Dictionary<string, FieldComparison> Operators = new()
    {
        ["eq"] = FieldComparison.Equal, ["ne"] = FieldComparison.NotEqual, ["lt"] = FieldComparison.Less,
        ["le"] = FieldComparison.LessOrEqual, ["gt"] = FieldComparison.Greater, ["ge"] = FieldComparison.GreaterOrEqual,
    };

    public static IEnumerable<LabelingFunction> Parse(YamlNode item, IReadOnlyList<string> labels, LabelingFunctionParseContext context)
    {
        if (item is not YamlMappingNode map)
        {
            context.Error(item, "each function must be a mapping with `name:` and `kind:`");
            return [];
        }
        var name = context.Scalar(map, "name");
        var kind = context.Scalar(map, "kind");
        if (string.IsNullOrWhiteSpace(name))
        {
            context.Error(map, "function without `name:`; give each function a unique name");
            return [];
        }
        if (kind is null || !KeysOfKind.TryGetValue(kind, out var keys))
        {
            context.Error(LabelingFunctionParseContext.Child(map, "kind") ?? map,
                $"function '{name}': unknown kind '{kind}'; use one of {string.Join(", ", KeysOfKind.Keys)}");
            return [];
        }
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("name" or "kind") && !keys.Contains(k.Value)))
            context.Error(key, $"function '{name}': unknown key '{key.Value}' for kind {kind}; allowed: {string.Join(", ", keys)}");
        var def = new Definition(map, name, kind, labels, context);
        return kind switch
        {
            "keyword" => Single(Keyword(def)),
            "regex" => Single(Regex(def)),
            "lookup" => Single(Lookup(def)),
            "field" => Single(Field(def)),
            "csharp" => CSharp(def),
            _ => Single(Annotations(def)),
        };
    }

    private static IEnumerable<LabelingFunction> Single(LabelingFunction? function) => function is null ? [] : [function];

    private static LabelingFunction? Keyword(Definition def)
    {
        var keywords = def.Context.Strings(def.Map, "keywords");
        if (keywords is null || keywords.Count == 0 || keywords.Any(string.IsNullOrWhiteSpace))
            return def.Fail("keywords", "needs `keywords:` with at least one non-empty keyword, e.g. keywords: [free, \"click here\"]");
        var matchText = def.Context.Scalar(def.Map, "match") ?? "any";
        if (matchText is not ("any" or "all"))
            return def.Fail("match", $"`match: {matchText}` must be any or all");
        var label = def.Label();
        if (label is null)
            return null;
        var wholeWord = def.Context.Flag(def.Map, "whole_word", true);
        var caseSensitive = def.Context.Flag(def.Map, "case_sensitive", false);
        var match = matchText == "all" ? KeywordMatch.All : KeywordMatch.Any;
        return new KeywordFunction(def.Name, keywords, label.Value, match, wholeWord, caseSensitive,
            def.Fingerprint(string.Join('\u001f', keywords), matchText, wholeWord.ToString(), caseSensitive.ToString()));
    }

    /// <summary>
    /// The linear-time engine where the pattern allows it (a user's pattern cannot stall a run by backtracking, and
    /// whether a match exists does not depend on the engine); backreferences and lookarounds fall back to the
    /// compiled backtracking engine with its timeout.
    /// </summary>
    private static Regex CompileRegex(string pattern, bool ignoreCase)
    {
        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, options | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
        }
    }

    private static LabelingFunction? Regex(Definition def)
    {
        var pattern = def.Context.Scalar(def.Map, "pattern");
        if (string.IsNullOrEmpty(pattern))
            return def.Fail("pattern", "needs `pattern:` with a .NET regular expression (quote it in single quotes)");
        var ignoreCase = def.Context.Flag(def.Map, "ignore_case", false);
        Regex regex;
        try
        {
            regex = CompileRegex(pattern, ignoreCase);
        }
        catch (RegexParseException ex)
        {
            return def.Fail("pattern", $"bad regex '{pattern}': {ex.Error} at offset {ex.Offset}; fix the pattern (remember YAML quoting)");
        }
        var group = def.Context.Scalar(def.Map, "group");
        if (group is not null && !regex.GetGroupNames().Contains(group, StringComparer.Ordinal))
            return def.Fail("group", $"`group: {group}` is not a group of the pattern; its groups are {string.Join(", ", regex.GetGroupNames())}");
        var label = def.Label();
        // The group joins the fingerprint only when given, so sets written before it keep their stored votes.
        string?[] settings = group is null ? [pattern, ignoreCase.ToString()] : [pattern, ignoreCase.ToString(), group];
        return label is null ? null : new RegexFunction(def.Name, regex, label.Value, def.Fingerprint(settings), group);
    }

    private static LabelingFunction? Lookup(Definition def)
    {
        var file = def.Context.Scalar(def.Map, "file");
        if (string.IsNullOrWhiteSpace(file))
            return def.Fail("file", "needs `file:` naming a gazetteer (one term per line)");
        var content = def.Context.ReadFile(LabelingFunctionParseContext.Child(def.Map, "file")!, file);
        var label = def.Label();
        if (content is null || label is null)
            return null;
        var terms = content.Value.Text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (terms.Count == 0)
            return def.Fail("file", $"gazetteer '{file}' has no terms; write one term per line");
        var wholeWord = def.Context.Flag(def.Map, "whole_word", true);
        var caseSensitive = def.Context.Flag(def.Map, "case_sensitive", false);
        return new KeywordFunction(def.Name, terms, label.Value, KeywordMatch.Any, wholeWord, caseSensitive,
            def.Fingerprint(content.Value.Text, wholeWord.ToString(), caseSensitive.ToString()), "lookup");
    }

    private static LabelingFunction? Field(Definition def)
    {
        var field = def.Context.Scalar(def.Map, "field");
        var op = def.Context.Scalar(def.Map, "op") ?? "eq";
        var value = def.Context.Scalar(def.Map, "value");
        if (string.IsNullOrWhiteSpace(field))
            return def.Fail("field", "needs `field:` naming a JSON field of the items");
        if (!Operators.TryGetValue(op, out var comparison))
            return def.Fail("op", $"`op: {op}` must be one of {string.Join(", ", Operators.Keys)}");
        if (value is null)
            return def.Fail("value", "needs `value:` to compare the field with");
        if (comparison is not (FieldComparison.Equal or FieldComparison.NotEqual) && !double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
            return def.Fail("value", $"`op: {op}` compares numbers; `value: {value}` is not a number");
        var label = def.Label();
        return label is null ? null : new FieldTestFunction(def.Name, field, comparison, value, label.Value, def.Fingerprint(field, op, value));
    }

    private static IEnumerable<LabelingFunction> CSharp(Definition def)
    {
        if (LabelingFunctionParseContext.Child(def.Map, "code") is { } code)
            return InlineCSharp(def, code);
        var file = def.Context.Scalar(def.Map, "file");
        if (string.IsNullOrWhiteSpace(file))
            return Single(def.Fail("file", "needs `file:` naming a .cs file of labeling functions, or the source inline in `code: |`"));
        if (def.Context.ReadFile(LabelingFunctionParseContext.Child(def.Map, "file")!, file) is not { } content)
            return [];
        var (functions, errors) = CSharpLabelingFunctionCompiler.Compile(content.Path, content.Text);
        foreach (var error in errors)
            def.Context.Error(error);
        return functions.Select(f => new CSharpFunction($"{def.Name}.{f.Method}", f.File, f.TypeName, f.Method, f.Returns, def.Labels, def.Fingerprint(content.Text, f.Method)));
    }

    /// <summary>
    /// C# written in the YAML itself (`code: |`): compile errors point into the YAML, the block's first line
    /// following the `|` and its text indented two columns past the function's keys.
    /// </summary>
    private static IEnumerable<LabelingFunction> InlineCSharp(Definition def, YamlNode code)
    {
        if (LabelingFunctionParseContext.Child(def.Map, "file") is not null)
            return Single(def.Fail("code", "give either `file:` or `code:`, not both"));
        if (code is not YamlScalarNode { Value: { Length: > 0 } source } scalar)
            return Single(def.Fail("code", "`code:` must hold C# source, e.g. code: | followed by indented lines"));
        var lineOffset = (int)scalar.Start.Line + (scalar.Style is YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded ? 0 : -1);
        var columnOffset = (int)def.Map.Start.Column + 1;
        var (functions, errors) = CSharpLabelingFunctionCompiler.Compile(def.Context.Path, InlinePrelude + source);
        foreach (var error in errors)
        {
            var column = error.Column - (error.Line == 1 ? InlinePrelude.Length : 0);
            def.Context.Error(error.Line > 0
                ? error with { Line = error.Line + lineOffset, Column = column + columnOffset, Message = $"function '{def.Name}' (csharp): {error.Message}" }
                : error with { Line = (int)scalar.Start.Line, Column = (int)scalar.Start.Column, Message = $"function '{def.Name}' (csharp): {error.Message}" });
        }
        return functions.Select(f => new CSharpFunction($"{def.Name}.{f.Method}", f.File, f.TypeName, f.Method, f.Returns, def.Labels, def.Fingerprint(source, f.Method)));
    }

    private static LabelingFunction? Annotations(Definition def)
    {
        var author = def.Context.Scalar(def.Map, "author");
        var field = def.Context.Scalar(def.Map, "field");
        if (author is null && field is null)
            return def.Fail(null, "needs `author:` (whose stored labels to use) or `field:` (the input column holding them)");
        return new AnnotationsFunction(def.Name, author, field, def.Labels, def.Fingerprint(author, field));
    }
}
