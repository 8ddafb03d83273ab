using Labelforge.Core.Import.Readers.LabelStudio;
using System.Text.Json;
using Labelforge.Core.Import;
using Labelforge.Core.Items;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// A text-spans item as a Label Studio task: "data" (the document with its text), "meta" with our ids, and the latest
/// given annotation as one annotation of "labels" results ({"start", "end", "text", "labels": [LABEL]}, UTF-16
/// offsets, Label Studio's unit) named with the project's control names, with "labelforge_author" so an import of
/// the file restores the author. An item nobody annotated has no annotations.
/// </summary>
internal static class LabelStudioSpanExportWriter
{
    public static void Write(ExportBuffer buffer, SpanExportItem item, LabelResolver resolver, LabelStudioControl control)
    {
        var json = buffer.BeginJson();
        LabelStudioTaskHead.Write(json, item.Id, ItemDocument.Compose(item.Text, item.DataJson, item.TextSlot), item.ExternalId);
        json.WriteStartArray("annotations"u8);
        if (item.Spans is { } spans)
        {
            json.WriteStartObject();
            json.WriteBoolean("was_cancelled"u8, false);
            json.WriteStartArray("result"u8);
            var n = 0;
            foreach (var span in spans)
            {
                json.WriteStartObject();
                json.WriteString("id"u8, $"s{item.Id}-{n++}");
                json.WriteString("from_name"u8, control.FromName);
                json.WriteString("to_name"u8, control.ToName);
                json.WriteString("type"u8, "labels"u8);
                json.WriteStartObject("value"u8);
                json.WriteNumber("start"u8, span.Start);
                json.WriteNumber("end"u8, span.End);
                json.WriteString("text"u8, item.Text[span.Start..span.End]);
                json.WriteStartArray("labels"u8);
                json.WriteStringValue(resolver.Lookup.ReferenceOf(resolver.Resolve(span.LabelId)));
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString(LabelStudioTaskMapper.AuthorKey, item.Author);
            json.WriteString("labelforge_kind"u8, item.Kind);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        buffer.EndJson();
    }
}
