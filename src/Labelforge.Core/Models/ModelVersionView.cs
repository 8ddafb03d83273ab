using System.Text.Json;

namespace Labelforge.Core.Models;

/// <summary>A model version as the API and CLI list it: everything but the serialized model and held-out evidence.</summary>
public sealed record ModelVersionView(
    long Id,
    string Name,
    int Version,
    string Kind,
    string Author,
    DateTimeOffset CreatedAt,
    int TaxonomyVersion,
    int TrainingItems,
    JsonElement LabelCounts,
    JsonElement Options,
    JsonElement Metrics,
    double TrainingSeconds)
{
    public static ModelVersionView From(ModelVersion m) => new(m.Id, m.Name, m.Version, m.Kind, m.Author, m.CreatedAt, m.TaxonomyVersion,
        m.TrainingItems, Parse(m.LabelCountsJson), Parse(m.OptionsJson), Parse(m.MetricsJson), m.TrainingSeconds);

    private static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
