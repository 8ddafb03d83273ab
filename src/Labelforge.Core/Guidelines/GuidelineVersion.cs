namespace Labelforge.Core.Guidelines;

/// <summary>
/// One version of a project's guidelines: every edit appends one (version 1 is the text the project was created with),
/// and every annotation records the version it was made under (<c>Annotation.GuidelineVersion</c>).
/// </summary>
public sealed class GuidelineVersion
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public int Version { get; set; }

    /// <summary>The whole Markdown text of this version.</summary>
    public required string Text { get; set; }

    public string? Author { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
