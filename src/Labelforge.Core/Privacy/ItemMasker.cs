using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Labelforge.Core.Items;
using Labelforge.Engine.Privacy;

namespace Labelforge.Core.Privacy;

/// <summary>
/// Masks what an item shows, with one project's detectors: its text, every string value of its document (property
/// names are kept) and its external id. <see cref="None"/> masks nothing (a project without detectors, or a caller
/// who may see personal data). Built per request from the settings; safe to share between threads.
/// </summary>
public sealed class ItemMasker
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly ItemMasker None = new(PiiDetector.None, PiiMaskStyle.Tag);

    private readonly PiiDetector _detector;

    public ItemMasker(PiiDetector detector, PiiMaskStyle style) => (_detector, Style) = (detector, style);

    public PiiMaskStyle Style { get; }

    /// <summary>True when nothing is masked: every value comes back as it is.</summary>
    public bool IsEmpty => _detector.IsEmpty;

    public IReadOnlyList<PiiDetection> Detect(string? text) => _detector.Detect(text);

    public string Text(string text) => IsEmpty ? text : PiiMasker.Mask(text, _detector.Detect(text), Style);

    public string? ExternalId(string? id) => id is null || IsEmpty ? id : Text(id);

    /// <summary>
    /// The whole document (text composed into its slot) as JSON with every string value masked; a value equal to
    /// <paramref name="text"/> (the item's text, in its slot) takes <paramref name="maskedText"/> without a second scan.
    /// </summary>
    public string DocumentJson(string wholeJson, string? text = null, string? maskedText = null)
    {
        if (IsEmpty)
            return wholeJson;
        using var document = JsonDocument.Parse(wholeJson);
        var buffer = new ArrayBufferWriter<byte>(wholeJson.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            Write(document.RootElement, writer, text, maskedText);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The stored document (<see cref="ItemDocument"/>) as a masked JSON element.</summary>
    public JsonElement Document(string text, string dataJson, int? textSlot, string? maskedText = null)
    {
        if (IsEmpty)
            return ItemDocument.Parse(text, dataJson, textSlot);
        using var document = JsonDocument.Parse(DocumentJson(ItemDocument.Compose(text, dataJson, textSlot), text, maskedText ?? Text(text)));
        return document.RootElement.Clone();
    }

    /// <summary>Counts per kind of what <see cref="Text"/>, <see cref="DocumentJson"/> and <see cref="ExternalId"/> would mask.</summary>
    public void Count(string? externalId, string wholeJson, Dictionary<PiiKind, int> counts)
    {
        Add(externalId, counts);
        using var document = JsonDocument.Parse(wholeJson);
        CountStrings(document.RootElement, counts);
    }

    private void CountStrings(JsonElement element, Dictionary<PiiKind, int> counts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                    CountStrings(p.Value, counts);
                break;
            case JsonValueKind.Array:
                foreach (var v in element.EnumerateArray())
                    CountStrings(v, counts);
                break;
            case JsonValueKind.String:
                Add(element.GetString(), counts);
                break;
        }
    }

    private void Add(string? value, Dictionary<PiiKind, int> counts)
    {
        foreach (var d in _detector.Detect(value))
            counts[d.Kind] = counts.GetValueOrDefault(d.Kind) + 1;
    }

    private void Write(JsonElement element, Utf8JsonWriter writer, string? text, string? maskedText)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var p in element.EnumerateObject())
                {
                    writer.WritePropertyName(p.Name);
                    Write(p.Value, writer, text, maskedText);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var v in element.EnumerateArray())
                    Write(v, writer, text, maskedText);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                var value = element.GetString()!;
                writer.WriteStringValue(maskedText is not null && value == text ? maskedText : Text(value));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
