namespace Labelforge.Core.Privacy;

/// <summary>
/// A project's personal-data masking (table <c>pii_settings</c>; a project without a row masks nothing): the built-in
/// detectors that are on, the user's pattern and word list. The stored item stays as it was imported; masks are made
/// when text is read for someone who may not see it (<see cref="ItemMasker"/>).
/// </summary>
public sealed class PiiSettings
{
    public long ProjectId { get; set; }

    /// <summary>Wire names of the built-in detectors, comma-separated in wire order ("email,phone").</summary>
    public required string Detectors { get; set; }

    /// <summary>The user's regular expression; null: none.</summary>
    public string? Pattern { get; set; }

    /// <summary>The user's words and phrases as a JSON array of strings; null: none.</summary>
    public string? WordsJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
