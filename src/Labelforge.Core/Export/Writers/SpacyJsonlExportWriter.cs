using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Items;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// Writes an item as one spaCy-style JSON line: "text" first, the document's other fields in stored order, then
/// "spans" ({"start", "end", "label"} with offsets in code points, as Python counts them) when the item has a given
/// annotation. Compact, the text escaped only where JSON must (<see cref="MinimalJsonString"/>): a file written in this
/// form imports and exports back byte for byte.
/// </summary>
internal static class SpacyJsonlExportWriter
{
    public static void Write(ExportBuffer buffer, SpanExportItem item, LabelResolver resolver)
    {
        var json = buffer.BeginJson();
        json.WriteStartObject();
        json.WritePropertyName("text");
        json.WriteRawValue(MinimalJsonString.Quote(item.Text), skipInputValidation: true);
        using (var document = JsonDocument.Parse(ItemDocument.Compose(item.Text, item.DataJson, item.TextSlot)))
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (!property.NameEquals("text") && !property.NameEquals("spans"))
                        property.WriteTo(json);
                }
            }
        }
        if (item.Spans is { } spans)
        {
            var codePoints = CodePointIndex(item.Text);
            json.WriteStartArray("spans");
            foreach (var span in spans)
            {
                json.WriteStartObject();
                json.WriteNumber("start", codePoints[span.Start]);
                json.WriteNumber("end", codePoints[span.End]);
                json.WriteString("label", resolver.Lookup.ReferenceOf(resolver.Resolve(span.LabelId)));
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        buffer.EndJson();
        buffer.Write("\n"u8);
    }

    /// <summary>The code point index of each UTF-16 offset 0..n (spans never split a surrogate pair).</summary>
    private static int[] CodePointIndex(string text)
    {
        var index = new int[text.Length + 1];
        var codePoint = 0;
        for (var i = 0; i < text.Length; i++)
        {
            index[i] = codePoint;
            if (!char.IsLowSurrogate(text[i]) || i == 0 || !char.IsHighSurrogate(text[i - 1]))
                codePoint++;
        }
        index[text.Length] = codePoint;
        return index;
    }
}
