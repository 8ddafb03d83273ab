using System.Text.Json.Serialization;
using Labelforge.Training.Evaluation;

namespace Labelforge.Training.Models;

/// <summary>The metrics stored with a model version (snake_case JSON), measured on <see cref="EvaluatedOn"/>.</summary>
public sealed record ModelMetrics(
    [property: JsonPropertyName("evaluated_on")] string EvaluatedOn,
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("macro_f1")] double MacroF1,
    [property: JsonPropertyName("per_class_f1")] IReadOnlyDictionary<string, double> PerClassF1,
    [property: JsonPropertyName("ece")] double ExpectedCalibrationError)
{
    public static ModelMetrics From(ClassificationMetrics m, IReadOnlyList<string> classNames, string evaluatedOn)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(classNames);
        return new ModelMetrics(evaluatedOn, m.Count, Math.Round(m.Accuracy, 6), Math.Round(m.MacroF1, 6),
            classNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => Math.Round(m.PerClassF1[p.i], 6)), Math.Round(m.ExpectedCalibrationError, 6));
    }
}
