using Labelforge.Core.Import.Readers.Spans;
using System.Text;
using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Import;
using Labelforge.Core.Items;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.Spans;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// Writes an item as CoNLL lines, "token TAB tag" with BIO (IOB2) tags and a blank line after each sentence. The
/// tokens are the item's (<see cref="ItemTokens"/>: a CoNLL import's own tokens, so it comes back byte for byte),
/// split further where a span starts or ends inside one. BIO cannot hold spans that share characters, so such an
/// item stops the export with the item named.
/// </summary>
internal static class ConllExportWriter
{
    public static void Write(ExportBuffer buffer, SpanExportItem item, LabelResolver resolver)
    {
        var spans = item.Spans ?? [];
        var ordered = spans.OrderBy(s => s.Start).ThenBy(s => s.End).ToArray();
        for (var k = 1; k < ordered.Length; k++)
        {
            if (ordered[k].Start < ordered[k - 1].End)
                throw LabelforgeException.Invalid($"Item {item.Id}{(item.ExternalId is null ? "" : $" ({item.ExternalId})")} has overlapping spans, "
                    + "which CoNLL BIO tags cannot hold; export the project with --format spacy-jsonl instead.");
        }
        var line = new StringBuilder();
        foreach (var token in Split(ItemTokens.Of(item.Text, item.DataJson), ordered))
        {
            line.Clear().Append(item.Text, token.Start, token.Length).Append('\t').Append(Tag(token, ordered, resolver)).Append('\n');
            buffer.Write(Encoding.UTF8.GetBytes(line.ToString()));
        }
        buffer.Write(Encoding.UTF8.GetBytes(Separator(item.DataJson) + "\n"));
    }

    /// <summary>The line that ended the sentence in the file it came from, when that was white space (else empty).</summary>
    private static string Separator(string dataJson)
    {
        if (!dataJson.Contains(ConllReader.SeparatorField, StringComparison.Ordinal))
            return "";
        using var document = JsonDocument.Parse(dataJson);
        return document.RootElement.TryGetProperty(ConllReader.SeparatorField, out var separator) && separator.ValueKind == JsonValueKind.String
            && string.IsNullOrWhiteSpace(separator.GetString())
            ? separator.GetString()!
            : "";
    }

    private static string Tag(TextToken token, LabeledSpan[] spans, LabelResolver resolver)
    {
        foreach (var span in spans)
        {
            if (token.Start >= span.Start && token.End <= span.End)
                return (token.Start == span.Start ? "B-" : "I-") + resolver.Lookup.ReferenceOf(resolver.Resolve(span.LabelId));
        }
        return "O";
    }

    /// <summary>The tokens, each cut where a span boundary falls inside it (so every span covers whole tokens).</summary>
    private static IEnumerable<TextToken> Split(TextToken[] tokens, LabeledSpan[] spans)
    {
        var cuts = spans.SelectMany(s => new[] { s.Start, s.End }).Distinct().Order().ToArray();
        foreach (var token in tokens)
        {
            var start = token.Start;
            foreach (var cut in cuts)
            {
                if (cut <= start || cut >= token.End)
                    continue;
                yield return new TextToken(start, cut);
                start = cut;
            }
            yield return new TextToken(start, token.End);
        }
    }
}
