namespace Labelforge.Core.Agreement;

/// <summary>
/// One group of a breakdown: <see cref="Key"/> is the label reference, "ANNOTATOR ~ ANNOTATOR", the ISO week
/// (2026-W48) or the version number ("unversioned" for annotations from before guidelines had versions).
/// <see cref="First"/>/<see cref="Last"/> are the times of its earliest and latest answers.
/// </summary>
public sealed record AgreementGroup(string Key, int Items, int Answers, double? Value, double? Lower, double? Upper, DateTimeOffset First, DateTimeOffset Last)
{
    /// <summary>The two annotators of a pair group; null otherwise.</summary>
    public IReadOnlyList<string>? Annotators { get; init; }
}
