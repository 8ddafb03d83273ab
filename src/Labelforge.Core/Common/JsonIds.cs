using System.Text.Json;

namespace Labelforge.Core.Common;

/// <summary>Label id lists as stored in JSON columns ("[3,5]").</summary>
public static class JsonIds
{
    public static string Write(IEnumerable<long> ids) => JsonSerializer.Serialize(ids.ToArray());

    public static long[] Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<long[]>(json) ?? [];
}
