using System.Text.Json;
using Labelforge.Core.Import.Readers.LabelStudio;

namespace Labelforge.Core.Export.Writers;

/// <summary>The start of a Label Studio task our span and object exports write: "id", "data" (the item document) and "meta" with our ids.</summary>
internal static class LabelStudioTaskHead
{
    public static void Write(Utf8JsonWriter json, long id, string document, string? externalId)
    {
        json.WriteStartObject();
        json.WriteNumber("id"u8, id);
        json.WritePropertyName("data"u8);
        json.WriteRawValue(document, skipInputValidation: true);
        json.WriteStartObject("meta"u8);
        json.WriteNumber("labelforge_item_id"u8, id);
        json.WriteString(LabelStudioTaskMapper.ExternalIdKey, externalId);
        json.WriteEndObject();
    }
}
