namespace Labelforge.Core.Guidelines;

/// <summary>One guideline version; <see cref="Text"/> is null in history listings (ask for the version to read it).</summary>
public sealed record GuidelineVersionView(int Version, string? Author, DateTimeOffset CreatedAt, int Characters, string? Text);
