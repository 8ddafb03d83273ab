using System.Buffers;
using System.Text;
using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Import.Labels;
using Labelforge.Core.Items;

namespace Labelforge.Core.Import.Readers.Json;

/// <summary>
/// Maps one JSON object (a JSONL line or a JSON array element) to an import entry in a single Utf8JsonReader
/// pass that validates the JSON, picks the text, id and label fields and notes whether the bytes are already
/// compact; compact input is kept as DataJson byte for byte, anything else is rewritten compactly.
/// Labels: a string is one label (a '|' in it is kept), a number is a class id read as its text, an array of
/// those is several. Prodigy rows (see <see cref="ProdigyAnswer"/>) are read by their "answer": ignores are skipped,
/// rejects say the label does not apply, and span or multiple-choice answers are refused rather than misread.
/// </summary>
internal sealed class JsonObjectMapper
{
    private readonly string source;
    private readonly ImportFieldMap map;
    private readonly ImportReaderOptions options;
    private readonly byte[] textName;
    private readonly byte[]? idName;
    private readonly byte[]? labelName;
    private readonly JsonScratch json = new();
    private readonly LabelCache labelCache;

    public JsonObjectMapper(string source, ImportFieldMap map, ImportReaderOptions options)
    {
        this.source = source;
        this.map = map;
        this.options = options;
        textName = Encoding.UTF8.GetBytes(map.TextFieldOrDefault);
        idName = map.IdField is null ? null : Encoding.UTF8.GetBytes(map.IdField);
        labelName = map.LabelField is null ? null : Encoding.UTF8.GetBytes(map.LabelField);
        labelCache = new LabelCache(map.LabelField);
    }

    private enum Target
    {
        None,
        Text,
        Id,
        Label,
        Answer,
        Spans,
        Choice,
    }

    /// <summary>Maps <paramref name="bytes"/> (trimmed of surrounding whitespace) found at <paramref name="line"/>.</summary>
    public ImportEntry Map(ReadOnlyMemory<byte> bytes, long line)
    {
        var span = bytes.Span;
        var bad = ImportText.FirstInvalidUtf8(span);
        if (bad >= 0)
            return Bad(line, null, $"invalid UTF-8 at byte {bad + 1} of the row; save the file as UTF-8");
        var fields = new Fields();
        try
        {
            var problem = Scan(span, ref fields);
            if (problem is not null)
                return Bad(line, problem.Value.Field, problem.Value.Message);
        }
        catch (JsonException ex)
        {
            return Bad(line + (ex.LineNumber ?? 0), null, JsonErrors.Describe(ex));
        }
        if (fields.Text is null)
            return Bad(line, map.TextFieldOrDefault, $"no '{map.TextFieldOrDefault}' field in this row; fields are: {string.Join(", ", FieldNames(span))}. Pass --text-field with one of them");
        if (string.IsNullOrWhiteSpace(fields.Text))
            return Bad(line, map.TextFieldOrDefault, ImportText.EmptyText(map.TextFieldOrDefault));
        if (fields.Answer == ProdigyAnswer.Ignore)
            return ImportEntry.Skip(new ImportError(source, line, ProdigyAnswer.Field, ProdigyAnswer.IgnoredReason));
        if (labelName is not null && fields.Prodigy is { } unsupported)
            return Bad(line, unsupported, ProdigyAnswer.Unsupported(unsupported));
        var (dataJson, slot) = fields.Compact ? Stored(span, fields.TextStart, fields.TextEnd) : Rewrite(bytes);
        var annotations = fields.Annotations ?? (fields.Labels is { Count: > 0 }
            ? [new ImportedAnnotation(null, AnnotationKind.Import, fields.Labels) { Field = map.LabelField }]
            : ImportText.NoAnnotations);
        if (fields.Answer == ProdigyAnswer.Reject)
            annotations = [.. annotations.Select(a => a with { Rejected = true })];
        return ImportEntry.Ok(new ImportRecord(source, line, fields.Id, fields.Text, dataJson, annotations, slot));
    }

    private (string? Field, string Message)? Scan(ReadOnlySpan<byte> span, ref Fields fields)
    {
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { MaxDepth = 256 });
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
            return (null, $"row is a JSON {JsonErrors.Kind(reader.TokenType)}, but each row must be an object like {{\"{map.TextFieldOrDefault}\": \"...\"}}");
        var previousEnd = reader.BytesConsumed;
        var target = Target.None;
        while (reader.Read())
        {
            var gap = reader.TokenStartIndex - previousEnd;
            if (gap > 1 || (gap == 1 && span[(int)previousEnd] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                fields.Compact = false;
            previousEnd = reader.BytesConsumed;
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                target = Classify(ref reader, ref fields);
                continue;
            }
            if (target == Target.None)
                continue;
            var problem = Capture(ref reader, target, ref fields);
            if (problem is not null)
                return problem;
            target = Target.None;
            previousEnd = reader.BytesConsumed;
        }
        return null;
    }

    private Target Classify(ref Utf8JsonReader reader, ref Fields fields)
    {
        if (reader.ValueTextEquals(textName))
            return Target.Text;
        if (idName is not null && reader.ValueTextEquals(idName))
            return Target.Id;
        if (labelName is not null && reader.ValueTextEquals(labelName))
            return Target.Label;
        if (reader.ValueTextEquals(ProdigyAnswer.FieldUtf8))
            return Target.Answer;
        if (reader.ValueTextEquals(ProdigyAnswer.SpansUtf8))
            return Target.Spans;
        return reader.ValueTextEquals(ProdigyAnswer.AcceptUtf8) || reader.ValueTextEquals(ProdigyAnswer.OptionsUtf8) ? Target.Choice : Target.None;
    }

    private (string? Field, string Message)? Capture(ref Utf8JsonReader reader, Target target, ref Fields fields)
    {
        if (target is Target.Answer or Target.Spans or Target.Choice)
        {
            CaptureProdigy(ref reader, target, ref fields);
            return null;
        }
        var name = target switch { Target.Text => map.TextFieldOrDefault, Target.Id => map.IdField!, _ => map.LabelField! };
        if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > options.MaxFieldBytes)
            return (name, ImportText.TooLargeMessage(reader.ValueSpan.Length, options.MaxFieldBytes));
        switch (target)
        {
            case Target.Text when reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray:
                return (name, $"text field '{name}' is a JSON {JsonErrors.Kind(reader.TokenType)}; it must be a string");
            case Target.Text:
                fields.Text = Scalar(ref reader);
                (fields.TextStart, fields.TextEnd) = reader.TokenType == JsonTokenType.String ? (reader.TokenStartIndex, reader.BytesConsumed) : (-1, -1);
                return null;
            case Target.Id when reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray:
                return (name, $"id field '{name}' is a JSON {JsonErrors.Kind(reader.TokenType)}; it must be a string or a number");
            case Target.Id:
                fields.Id = Scalar(ref reader);
                return null;
            default:
                return CaptureLabels(ref reader, name, ref fields);
        }
    }

    private (string? Field, string Message)? CaptureLabels(ref Utf8JsonReader reader, string name, ref Fields fields)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.ValueSpan.Contains((byte)ImportText.LabelSeparator))
        {
            fields.Annotations = labelCache.FromCell(reader.ValueSpan);
            return null;
        }
        if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
        {
            var label = Scalar(ref reader)!;
            fields.Labels = string.IsNullOrWhiteSpace(label) ? null : [label];
            return null;
        }
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartArray)
            return (name, $"label field '{name}' is a JSON {JsonErrors.Kind(reader.TokenType)}; a label is a string or a number (a class id), several are an array of those");
        var labels = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
                return (name, LabelArrayProblem(name, reader.TokenType));
            var label = Scalar(ref reader)!;
            if (!string.IsNullOrWhiteSpace(label))
                labels.Add(label); // untrimmed: the label map trims and reports it
        }
        fields.Labels = labels;
        return null;
    }

    /// <summary>Why an array entry is not a label: arrays of [start, end, label] are doccano's span labels, objects are structured annotations.</summary>
    private static string LabelArrayProblem(string name, JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => $"label field '{name}' holds arrays, like doccano's span labels [start, end, \"label\"]; span labels are not imported yet, "
            + "and class labels are strings or numbers (\"label\": [\"positive\"]). Import the texts without --label-field",
        JsonTokenType.StartObject => $"label field '{name}' holds objects; class labels are strings or numbers (\"label\": [\"positive\", \"neutral\"])",
        _ => $"label field '{name}' holds a JSON {JsonErrors.Kind(token)}; class labels are strings or numbers",
    };

    /// <summary>Notes Prodigy's answer and whether the row is a span or multiple-choice answer (not read as class labels).</summary>
    private static void CaptureProdigy(ref Utf8JsonReader reader, Target target, ref Fields fields)
    {
        if (target == Target.Answer)
        {
            if (reader.TokenType == JsonTokenType.String)
                fields.Answer = ProdigyAnswer.Parse(reader.ValueSpan);
            return;
        }
        if (reader.TokenType != JsonTokenType.StartArray)
            return;
        // Peek at the first element only; the scan loop reads the rest of the array as unclaimed tokens.
        if (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            fields.Prodigy ??= target == Target.Spans ? ProdigyAnswer.Spans : ProdigyAnswer.Accept;
    }

    private static string? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => Encoding.UTF8.GetString(reader.ValueSpan),
    };

    /// <summary>Top-level field names, for the "no text field" message only (so the hot path never allocates them).</summary>
    private static List<string> FieldNames(ReadOnlySpan<byte> span)
    {
        var names = new List<string>();
        var reader = new Utf8JsonReader(span);
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                names.Add(reader.GetString()!);
        }
        return names;
    }

    /// <summary>Non-compact input rewritten compactly, in the stored form.</summary>
    private (string Json, int? TextSlot) Rewrite(ReadOnlyMemory<byte> bytes)
    {
        using (var document = JsonDocument.Parse(bytes))
        {
            var writer = json.Begin();
            document.RootElement.WriteTo(writer);
            writer.Flush();
        }
        var compact = json.Written;
        var (start, end) = (-1L, -1L);
        var reader = new Utf8JsonReader(compact);
        while (reader.Read())
        {
            if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName)
                continue;
            var isText = reader.ValueTextEquals(textName);
            reader.Read();
            if (isText)
                (start, end) = reader.TokenType == JsonTokenType.String ? (reader.TokenStartIndex, reader.BytesConsumed) : (-1, -1);
            reader.Skip();
        }
        return Stored(compact, start, end);
    }

    /// <summary>
    /// The stored form of compact <paramref name="json"/> whose text value (a JSON string) spans
    /// [<paramref name="start"/>, <paramref name="end"/>): that value replaced by the placeholder (Items.ItemDocument).
    /// </summary>
    private static (string Json, int? TextSlot) Stored(ReadOnlySpan<byte> json, long start, long end)
    {
        if (start < 0)
            return (Encoding.UTF8.GetString(json), null);
        var prefix = json[..(int)start];
        var suffix = json[(int)end..];
        var placeholder = ItemDocument.PlaceholderUtf8;
        var length = prefix.Length + placeholder.Length + suffix.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            prefix.CopyTo(rented);
            placeholder.CopyTo(rented.AsSpan(prefix.Length));
            suffix.CopyTo(rented.AsSpan(prefix.Length + placeholder.Length));
            return (Encoding.UTF8.GetString(rented, 0, length), Encoding.UTF8.GetCharCount(prefix));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private ImportEntry Bad(long line, string? field, string message) => ImportEntry.Bad(new ImportError(source, line, field, message));

    private struct Fields
    {
        public Fields() { }

        public string? Text;
        public string? Id;
        public List<string>? Labels;
        public IReadOnlyList<ImportedAnnotation>? Annotations;
        public bool Compact = true;
        public string? Answer;
        public string? Prodigy;
        public long TextStart = -1;
        public long TextEnd = -1;
    }
}
