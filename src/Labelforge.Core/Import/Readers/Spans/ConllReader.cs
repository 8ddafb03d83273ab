using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Labelforge.Core.Annotations;

namespace Labelforge.Core.Import.Readers.Spans;

/// <summary>
/// Reads CoNLL-2003 style token files: one token per line with its tag in the last field (tab-separated, or split on
/// white space when a line has no tab; columns between are ignored), a blank line between sentences, and
/// -DOCSTART- lines skipped. Tags are O, B-LABEL and I-LABEL; an I- tag that does not continue an entity of its label
/// starts one (IOB1, the original CoNLL-2003 scheme; also forgiving of BIO files with that slip). Each sentence is one
/// item: its text is the tokens joined by single spaces, its document keeps the tokens (so spans snap to them and an
/// export writes them back exactly; a white-space line that ended it is kept too), and its entities become an
/// imported span annotation.
/// </summary>
internal static class ConllReader
{
    /// <summary>The offset of the text placeholder in the stored documents written here, {"text":null,...}.</summary>
    private const int TextSlot = 8;

    // Non-ASCII kept as UTF-8, like every document the importers store.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async IAsyncEnumerable<ImportEntry> ReadAsync(ImportInput input, string source, ImportReaderOptions options,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var sentence = new ConllSentence(source);
        var any = false;
        await foreach (var (line, text, problem) in ImportLines.ReadAsync(input, options, ct))
        {
            if (problem is not null)
            {
                sentence.Fail(line, null, problem);
                continue;
            }
            if (string.IsNullOrWhiteSpace(text) || text.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (sentence.Finish(string.IsNullOrWhiteSpace(text) ? text ?? "" : "") is { } entry)
                {
                    any = true;
                    yield return entry;
                }
                continue;
            }
            sentence.Add(line, text!);
        }
        if (sentence.Finish("") is { } last)
        {
            any = true;
            yield return last;
        }
        if (!any)
            yield return ImportEntry.Bad(new ImportError(source, 0, null, "file is empty: no token lines"));
    }

    /// <summary>Document field keeping a sentence's end line when it was white space rather than empty (WNUT17's training file ends sentences with a tab).</summary>
    internal const string SeparatorField = "conll_separator";

    /// <summary>The stored document of a tokenized sentence: {"text":null,"tokens":[...]} (text in its slot).</summary>
    internal static string Document(IReadOnlyList<string> tokens, string separator)
    {
        var json = new StringBuilder("{\"text\":null,\"tokens\":");
        json.Append(JsonSerializer.Serialize(tokens, Relaxed));
        if (separator.Length > 0)
            json.Append(",\"").Append(SeparatorField).Append("\":").Append(JsonSerializer.Serialize(separator, Relaxed));
        return json.Append('}').ToString();
    }

    /// <summary>The sentence being read: its tokens, its entities so far and its first problem.</summary>
    private sealed class ConllSentence(string source)
    {
        private readonly List<string> _tokens = [];
        private readonly List<ImportedSpan> _spans = [];
        private readonly StringBuilder _text = new();
        private long _firstLine;
        private ImportError? _error;
        private (int Start, string Label)? _open;
        private int _lastEnd;

        public void Fail(long line, string? field, string message)
        {
            if (_tokens.Count == 0 && _error is null)
                _firstLine = line;
            _error ??= new ImportError(source, line, field, message);
        }

        public void Add(long line, string text)
        {
            if (_tokens.Count == 0 && _error is null)
                _firstLine = line;
            var (token, tag) = Split(text);
            if (tag is null)
            {
                Fail(line, "tag", $"line '{Clip(text)}' has one field; a token line needs the token and its tag (tab-separated), e.g. 'Paris\\tB-location'");
                return;
            }
            if (_text.Length > 0)
                _text.Append(' ');
            var start = _text.Length;
            _text.Append(token);
            _tokens.Add(token);
            Tag(line, tag, start);
            _lastEnd = start + token.Length;
        }

        private void Tag(long line, string tag, int start)
        {
            if (tag == "O")
            {
                Close();
                return;
            }
            if (tag.Length < 3 || tag[1] != '-' || tag[0] is not ('B' or 'I'))
            {
                Fail(line, "tag", $"tag '{Clip(tag)}' is not O, B-LABEL or I-LABEL (IOB/BIO tagging)");
                return;
            }
            var label = tag[2..];
            if (tag[0] == 'I' && _open is { } open && open.Label == label)
                return;
            Close();
            _open = (start, label);
        }

        /// <summary>Ends the open entity at the end of the last token before the current one.</summary>
        private void Close()
        {
            if (_open is { } open)
                _spans.Add(new ImportedSpan(open.Start, _lastEnd, open.Label));
            _open = null;
        }

        /// <summary>The sentence read so far, ended by the line <paramref name="separator"/> (kept when it is white space, not empty).</summary>
        public ImportEntry? Finish(string separator)
        {
            Close();
            ImportEntry? entry = null;
            if (_error is not null)
                entry = ImportEntry.Bad(_error);
            else if (_tokens.Count > 0)
            {
                var annotation = new ImportedAnnotation(null, AnnotationKind.Import, []) { Field = "tag", Spans = [.. _spans] };
                entry = ImportEntry.Ok(new ImportRecord(source, _firstLine, null, _text.ToString(), Document(_tokens, separator), [annotation], TextSlot));
            }
            _tokens.Clear();
            _spans.Clear();
            _text.Clear();
            _error = null;
            _lastEnd = 0;
            return entry;
        }

        private static (string Token, string? Tag) Split(string line)
        {
            var tab = line.IndexOf('\t');
            if (tab >= 0)
                return (line[..tab], line[(line.LastIndexOf('\t') + 1)..].Trim());
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return fields.Length < 2 ? (line, null) : (fields[0], fields[^1]);
        }

        private static string Clip(string s) => s.Length <= 40 ? s : s[..37] + "...";
    }
}
