namespace Labelforge.Core.Import.Readers.LabelStudio;

/// <summary>The names a Label Studio "choices" result refers to: its control tag (from_name) and the object it labels (to_name).</summary>
public sealed record LabelStudioControl(string FromName, string ToName)
{
    /// <summary>The names of Label Studio's default text classification config, used when a project has none of its own.</summary>
    public static LabelStudioControl Default { get; } = new("label", "text");

    /// <summary>The names of Label Studio's image classification template (an Image named "image" showing $image, Choices named "choice").</summary>
    public static LabelStudioControl DefaultImage { get; } = new("choice", "image");
}
