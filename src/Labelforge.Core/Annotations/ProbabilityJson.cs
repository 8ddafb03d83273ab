using System.Globalization;
using System.Text.Json;

namespace Labelforge.Core.Annotations;

/// <summary>
/// The stored form of an annotation's probabilities (annotations.ProbabilitiesJson): a JSON object from label id
/// (as a string) to probability, ids in ascending order so equal answers store equal text.
/// </summary>
public static class ProbabilityJson
{
    /// <summary>The stored text for probabilities by label id; rounded to <paramref name="digits"/> when given.</summary>
    public static string Write(IEnumerable<KeyValuePair<long, double>> byLabelId, int? digits = null)
    {
        ArgumentNullException.ThrowIfNull(byLabelId);
        var sorted = new SortedDictionary<long, double>();
        foreach (var (id, p) in byLabelId)
            sorted[id] = digits is { } d ? Math.Round(p, d) : p;
        return JsonSerializer.Serialize(sorted.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value));
    }

    /// <summary>Probabilities by label id; keys that are not ids (never written by Labelforge) are skipped.</summary>
    public static Dictionary<long, double> Read(string? json)
    {
        var result = new Dictionary<long, double>();
        foreach (var (key, p) in ReadRaw(json))
        {
            if (long.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                result[id] = p;
        }
        return result;
    }

    /// <summary>The stored object as it is, keys unparsed (for views that show them or resolve names themselves).</summary>
    public static Dictionary<string, double> ReadRaw(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [];
}
