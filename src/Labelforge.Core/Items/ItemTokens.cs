using System.Text.Json;
using Labelforge.Engine.Spans;

namespace Labelforge.Core.Items;

/// <summary>
/// The tokens spans of an item snap to: the document's own "tokens" list of strings when it has one that lies in
/// order over the text (a CoNLL import writes it, so its tokens come back out exactly), else the text tokenized by
/// <see cref="SpanTokenizer"/>.
/// </summary>
public static class ItemTokens
{
    /// <summary>The name of the optional token list in an item document.</summary>
    public const string Field = "tokens";

    /// <summary>Tokens of an item from its text and its stored document (the stored form is valid JSON, the text field null).</summary>
    public static TextToken[] Of(string text, string? dataJson)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (dataJson is not null && dataJson.Contains("\"tokens\"", StringComparison.Ordinal) && Given(text, dataJson) is { } given)
            return given;
        return SpanTokenizer.Tokenize(text);
    }

    private static TextToken[]? Given(string text, string dataJson)
    {
        using var document = JsonDocument.Parse(dataJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(Field, out var list)
            || list.ValueKind != JsonValueKind.Array)
            return null;
        var tokens = new List<string>(list.GetArrayLength());
        foreach (var token in list.EnumerateArray())
        {
            if (token.ValueKind != JsonValueKind.String)
                return null;
            tokens.Add(token.GetString()!);
        }
        return SpanTokenizer.FromTokens(text, tokens);
    }
}
