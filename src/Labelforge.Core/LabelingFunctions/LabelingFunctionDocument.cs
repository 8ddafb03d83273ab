using System.Globalization;
using System.Text.Json;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// What a labeling function sees of one item: its text, its other fields as a JSON object, and labels that
/// other authors gave it (for the <c>annotations</c> kind). C# labeling functions take this type.
/// </summary>
public sealed class LabelingFunctionDocument
{
    private readonly Lazy<JsonElement>? _lazyFields;
    private readonly JsonElement _fields;

    public LabelingFunctionDocument(string text, JsonElement fields = default, IReadOnlyDictionary<string, string>? annotations = null)
    {
        Text = text;
        _fields = fields;
        Annotations = annotations;
    }

    /// <summary>
    /// A document whose fields are built only when a function first reads them: keyword and regex functions read the
    /// text alone, and building a JSON object per CSV row cost more than applying ten keyword functions to it.
    /// </summary>
    public LabelingFunctionDocument(string text, Func<JsonElement> fields, IReadOnlyDictionary<string, string>? annotations = null)
    {
        Text = text;
        _lazyFields = new Lazy<JsonElement>(fields);
        Annotations = annotations;
    }

    /// <summary>The text to label.</summary>
    public string Text { get; }

    /// <summary>The item's fields (a JSON object, or undefined when the item has none).</summary>
    public JsonElement Fields => _lazyFields is null ? _fields : _lazyFields.Value;

    /// <summary>Label name per author (human or model) for this item, when the caller supplies them.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; }

    /// <summary>The raw JSON value of a top-level field, or null when absent.</summary>
    public JsonElement? Field(string name) =>
        Fields.ValueKind == JsonValueKind.Object && Fields.TryGetProperty(name, out var value) ? value : null;

    /// <summary>A field as text (strings as they are, other scalars as JSON), or null when absent or null.</summary>
    public string? FieldText(string name) => Field(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { } value => value.GetRawText(),
    };

    /// <summary>A field as a number (JSON numbers, or strings that parse as invariant numbers), else null.</summary>
    public double? FieldNumber(string name) => Field(name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        { ValueKind: JsonValueKind.String } value when double.TryParse(
            value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
