using Labelforge.Core.Annotations;

namespace Labelforge.Core.Projects;

/// <summary>
/// Task types a project can have. Text classification, text spans, image classification and image objects (boxes and
/// polygons) are labeled today; audio is a reserved name so stored projects and the API keep one vocabulary.
/// Each type decides its annotation value once (<see cref="ValueKind"/>), and every feature switches on that.
/// </summary>
public static class TaskTypes
{
    public const string TextClassification = "text-classification";
    public const string TextSpans = "text-spans";
    public const string ImageClassification = "image-classification";
    public const string ImageObjects = "image-objects";
    public const string AudioClassification = "audio-classification";

    /// <summary>The earlier reserved name of <see cref="ImageObjects"/>, still accepted on input.</summary>
    public const string ImageBoxesAlias = "image-boxes";

    public static IReadOnlyList<string> Supported { get; } = [TextClassification, TextSpans, ImageClassification, ImageObjects];

    public static IReadOnlyList<string> All { get; } =
        [TextClassification, TextSpans, ImageClassification, ImageObjects, AudioClassification];

    /// <summary>The wire name for <paramref name="name"/> as given (aliases mapped), or null when it names no task type.</summary>
    public static string? Normalize(string? name)
    {
        var trimmed = name?.Trim().ToLowerInvariant();
        if (trimmed == ImageBoxesAlias)
            return ImageObjects;
        return All.Contains(trimmed) ? trimmed : null;
    }

    /// <summary>True for the task types whose items are images (image folders, the media store, the image annotate views).</summary>
    public static bool IsImage(string? taskType) => taskType is ImageClassification or ImageObjects or ImageBoxesAlias;

    /// <summary>What an annotation of a project of <paramref name="taskType"/> holds.</summary>
    public static AnnotationValueKind ValueKind(string taskType) => taskType switch
    {
        TextSpans => AnnotationValueKind.Spans,
        ImageObjects or ImageBoxesAlias => AnnotationValueKind.Objects,
        _ => AnnotationValueKind.ClassLabels,
    };

    /// <summary>Refuses <paramref name="feature"/> on a project whose annotations are not whole-item class labels (see <see cref="RequireClassLabels"/>).</summary>
    public static async Task RequireClassLabelsAsync(Data.LabelforgeDb db, long projectId, string feature, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var project = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            System.Linq.Queryable.Where(db.Projects, p => p.Id == projectId), ct);
        if (project is not null)
            RequireClassLabels(project, feature);
    }

    /// <summary>Refuses a feature that reads whole-item class labels on a project whose annotations are something else.</summary>
    public static void RequireClassLabels(Project project, string feature)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (ValueKind(project.TaskType) != AnnotationValueKind.ClassLabels)
            throw Common.LabelforgeException.Invalid(
                $"{feature} works on classification projects; project '{project.Name}' is {project.TaskType}.");
    }
}
