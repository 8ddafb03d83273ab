namespace Labelforge.Core.Projects;

/// <summary>
/// Task types a project can have. Text and image classification are labeled today; the others are reserved
/// names so stored projects and the API keep one vocabulary as span, image and audio tasks arrive.
/// </summary>
public static class TaskTypes
{
    public const string TextClassification = "text-classification";
    public const string TextSpans = "text-spans";
    public const string ImageClassification = "image-classification";
    public const string ImageBoxes = "image-boxes";
    public const string AudioClassification = "audio-classification";

    public static IReadOnlyList<string> Supported { get; } = [TextClassification, ImageClassification];

    public static IReadOnlyList<string> All { get; } =
        [TextClassification, TextSpans, ImageClassification, ImageBoxes, AudioClassification];
}
