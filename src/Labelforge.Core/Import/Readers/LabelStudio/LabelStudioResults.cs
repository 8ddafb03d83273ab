using System.Globalization;
using System.Text.Json;
using Labelforge.Core.Annotations;

namespace Labelforge.Core.Import.Readers.LabelStudio;

/// <summary>
/// Reads a Label Studio task's "annotations" and "predictions" into imported annotations. Annotation authors are
/// "labelstudio:&lt;completed_by&gt;" (the user id, or the email when completed_by is an object; without one, the
/// annotation's own id, so two people's annotations never collapse into one author); an annotation marked
/// ground_truth is kind review (Labelforge's gold), others kind import; created_at and lead_time (seconds) are kept.
/// Predictions are kind model by "model:&lt;model_version&gt;", their score the confidence. "choices" results carry
/// whole-item labels and "labels" results spans (start and end in UTF-16 code units, as Label Studio's text offsets
/// are; a "text" given with them must match the task's text there); cancelled annotations are skipped.
/// </summary>
internal static class LabelStudioResults
{
    private const string AnnotationsField = "annotations";
    private const string PredictionsField = "predictions";

    /// <summary>Adds the task's annotations; returns the first problem with a "labels" result (field and message), if any.</summary>
    public static (string Field, string Message)? AddAnnotations(JsonElement task, string text, List<ImportedAnnotation> into)
    {
        if (!task.TryGetProperty(AnnotationsField, out var annotations) || annotations.ValueKind != JsonValueKind.Array)
            return null;
        var index = -1;
        foreach (var annotation in annotations.EnumerateArray())
        {
            index++;
            if (annotation.ValueKind != JsonValueKind.Object
                || (annotation.TryGetProperty("was_cancelled", out var cancelled) && cancelled.ValueKind == JsonValueKind.True))
                continue;
            var (labels, control) = Choices(annotation);
            var (spans, problem) = LabelStudioSpans.Read(annotation, text, $"{AnnotationsField}[{index}]");
            if (problem is not null)
                return problem;
            var (objects, objectProblem) = LabelStudioObjects.Read(annotation, $"{AnnotationsField}[{index}]");
            if (objectProblem is not null)
                return objectProblem;
            if (labels.Count == 0 && spans is null && objects is null)
                continue;
            var gold = annotation.TryGetProperty("ground_truth", out var truth) && truth.ValueKind == JsonValueKind.True;
            into.Add(new ImportedAnnotation(AnnotationAuthor(annotation), gold ? AnnotationKind.Review : AnnotationKind.Import, spans is null && objects is null ? labels : [])
            {
                Field = AnnotationsField,
                Control = control ?? spans?.Control ?? objects?.Control,
                CreatedAt = Time(annotation, "created_at"),
                TimeSpentMs = LeadTimeMs(annotation),
                Spans = spans?.Spans,
                Objects = objects?.Objects,
            });
        }
        return null;
    }

    /// <summary>Adds the task's predictions; returns the first problem with a "labels" result, if any.</summary>
    public static (string Field, string Message)? AddPredictions(JsonElement task, string text, List<ImportedAnnotation> into)
    {
        if (!task.TryGetProperty(PredictionsField, out var predictions) || predictions.ValueKind != JsonValueKind.Array)
            return null;
        var index = -1;
        foreach (var prediction in predictions.EnumerateArray())
        {
            index++;
            if (prediction.ValueKind != JsonValueKind.Object)
                continue;
            var (labels, control) = Choices(prediction);
            var (spans, problem) = LabelStudioSpans.Read(prediction, text, $"{PredictionsField}[{index}]");
            if (problem is not null)
                return problem;
            var (objects, objectProblem) = LabelStudioObjects.Read(prediction, $"{PredictionsField}[{index}]");
            if (objectProblem is not null)
                return objectProblem;
            if (labels.Count == 0 && spans is null && objects is null)
                continue;
            var version = prediction.TryGetProperty("model_version", out var v) ? LabelStudioTaskMapper.Scalar(v) : null;
            double? score = prediction.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : null;
            var author = Author(prediction) ?? "model:" + (string.IsNullOrEmpty(version) ? "unknown" : version);
            into.Add(new ImportedAnnotation(author, AnnotationKind.Model, spans is null && objects is null ? labels : [], score)
            {
                Field = PredictionsField,
                Control = control ?? spans?.Control ?? objects?.Control,
                CreatedAt = Time(prediction, "created_at"),
                Spans = spans?.Spans,
                Objects = objects?.Objects,
            });
        }
        return null;
    }

    private static string AnnotationAuthor(JsonElement annotation)
    {
        if (Author(annotation) is { } own)
            return own;
        var name = annotation.TryGetProperty("completed_by", out var by)
            ? by.ValueKind == JsonValueKind.Object
                ? by.TryGetProperty("email", out var email) ? LabelStudioTaskMapper.Scalar(email) : by.TryGetProperty("id", out var id) ? LabelStudioTaskMapper.Scalar(id) : null
                : LabelStudioTaskMapper.Scalar(by)
            : null;
        if (!string.IsNullOrEmpty(name))
            return LabelStudioAuthors.Prefix + name;
        return annotation.TryGetProperty("id", out var annotationId) && LabelStudioTaskMapper.Scalar(annotationId) is { Length: > 0 } idText
            ? LabelStudioAuthors.Prefix + LabelStudioAuthors.AnnotationPrefix + idText
            : LabelStudioAuthors.Prefix + "unknown";
    }

    private static string? Author(JsonElement annotation) =>
        annotation.TryGetProperty(LabelStudioTaskMapper.AuthorKey, out var author) && author.ValueKind == JsonValueKind.String ? author.GetString() : null;

    /// <summary>An ISO 8601 time; null when absent or not a time (the import time is used then).</summary>
    private static DateTimeOffset? Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    /// <summary>lead_time is seconds (a float); stored as whole milliseconds.</summary>
    private static long? LeadTimeMs(JsonElement annotation) =>
        annotation.TryGetProperty("lead_time", out var lead) && lead.ValueKind == JsonValueKind.Number && lead.GetDouble() is var seconds
        && double.IsFinite(seconds) && seconds >= 0
            ? (long)Math.Round(seconds * 1000)
            : null;

    /// <summary>The distinct labels of all "choices" results, in order, and the control names of the first.</summary>
    private static (List<string> Labels, LabelStudioControl? Control) Choices(JsonElement annotation)
    {
        var labels = new List<string>();
        LabelStudioControl? control = null;
        if (!annotation.TryGetProperty("result", out var results) || results.ValueKind != JsonValueKind.Array)
            return (labels, control);
        foreach (var result in results.EnumerateArray())
        {
            if (result.ValueKind != JsonValueKind.Object
                || !result.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "choices"
                || !result.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object
                || !value.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
                continue;
            control ??= Control(result);
            foreach (var choice in choices.EnumerateArray())
            {
                if (choice.ValueKind == JsonValueKind.String && choice.GetString() is { Length: > 0 } label && !labels.Contains(label))
                    labels.Add(label);
            }
        }
        return (labels, control);
    }

    internal static LabelStudioControl? Control(JsonElement result) =>
        result.TryGetProperty("from_name", out var from) && from.ValueKind == JsonValueKind.String && from.GetString() is { Length: > 0 } fromName
        && result.TryGetProperty("to_name", out var to) && to.ValueKind == JsonValueKind.String && to.GetString() is { Length: > 0 } toName
            ? new LabelStudioControl(fromName, toName)
            : null;
}
