using Labelforge.Core.Import.Readers.Spans;
using System.Text.Json;

namespace Labelforge.Core.Import.Readers.LabelStudio;

/// <summary>
/// The spans of a Label Studio annotation or prediction: its "labels" results, each {"value": {"start", "end",
/// "text", "labels": [...]}}, one span per label. Offsets are UTF-16 code units into the task's text (Label Studio's
/// own unit for text), so they are stored as they are; a "text" that differs from the task's text at those offsets is
/// an error naming the result, since a shifted offset would silently label the wrong characters.
/// </summary>
internal static class LabelStudioSpans
{
    public sealed record Found(List<ImportedSpan> Spans, LabelStudioControl? Control);

    /// <summary>The spans (null when there is no "labels" result) or the first problem, with the result's field path.</summary>
    public static (Found? Spans, (string Field, string Message)? Problem) Read(JsonElement annotation, string text, string field)
    {
        if (!annotation.TryGetProperty("result", out var results) || results.ValueKind != JsonValueKind.Array)
            return (null, null);
        Found? found = null;
        var index = -1;
        foreach (var result in results.EnumerateArray())
        {
            index++;
            if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() != "labels")
                continue;
            var at = $"{field}.result[{index}].value";
            if (!result.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                return (null, (at, "a \"labels\" result needs a \"value\" object with start, end and labels"));
            // A "labels" result without start and end marks something other than a text range (Label Studio uses the
            // same type for hypertext and other objects): not a span, so not read.
            if (!value.TryGetProperty("start", out _) && !value.TryGetProperty("end", out _))
                continue;
            if (!Int(value, "start", out var start) || !Int(value, "end", out var end))
                return (null, (at, "a \"labels\" result needs integer \"start\" and \"end\" offsets"));
            if (start < 0 || end > text.Length || start >= end)
                return (null, (at, $"offsets {start}..{end} do not lie in the task's text ({text.Length} characters) with start < end"));
            if (value.TryGetProperty("text", out var quoted) && quoted.ValueKind == JsonValueKind.String && quoted.GetString() != text[start..end])
                return (null, (at + ".text", $"text '{quoted.GetString()}' differs from the task's text at {start}..{end} ('{text[start..end]}')"));
            if (!value.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Array || labels.GetArrayLength() == 0)
                return (null, (at + ".labels", "a \"labels\" result needs a non-empty \"labels\" list"));
            found ??= new Found([], LabelStudioResults.Control(result));
            foreach (var label in labels.EnumerateArray())
            {
                if (label.ValueKind != JsonValueKind.String || label.GetString()!.Trim().Length == 0)
                    return (null, (at + ".labels", "labels must be non-empty strings"));
                found.Spans.Add(new ImportedSpan(start, end, label.GetString()!));
            }
        }
        return (found, null);
    }

    private static bool Int(JsonElement value, string name, out int number)
    {
        number = 0;
        return value.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out number);
    }
}
