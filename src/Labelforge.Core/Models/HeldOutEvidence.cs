using System.Text.Json.Serialization;

namespace Labelforge.Core.Models;

/// <summary>The evaluation model's confidence on each held-out item and whether its label was right (<see cref="ModelVersion.HeldOutJson"/>).</summary>
public sealed record HeldOutEvidence(
    [property: JsonPropertyName("confidence")] IReadOnlyList<double> Confidence,
    [property: JsonPropertyName("correct")] IReadOnlyList<bool> Correct);
