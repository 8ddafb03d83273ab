namespace Labelforge.Engine.Privacy;

/// <summary>
/// What a <see cref="PiiDetector"/> looks for: the built-in kinds, an optional user regular expression and an optional
/// list of words or phrases (matched whole, ignoring case). Pattern and word matches are <see cref="PiiKind.Custom"/>.
/// </summary>
public sealed record PiiDetectorOptions(IReadOnlyList<PiiKind> Kinds, string? Pattern = null, IReadOnlyList<string>? Words = null)
{
    /// <summary>The longest a user pattern may run on one text before the text counts as all personal data.</summary>
    public static readonly TimeSpan DefaultMatchTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>Nothing to detect.</summary>
    public static readonly PiiDetectorOptions None = new([]);

    /// <summary>How long the user pattern may run on one text.</summary>
    public TimeSpan MatchTimeout { get; init; } = DefaultMatchTimeout;

    /// <summary>True when no detector is on.</summary>
    public bool IsEmpty => Kinds.Count == 0 && string.IsNullOrEmpty(Pattern) && (Words is null || Words.Count == 0);
}
