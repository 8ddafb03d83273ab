using Labelforge.Core.Common;

namespace Labelforge.Core.Erasure;

/// <summary>
/// What to erase from a project: the item with one external id, or every item whose text contains
/// <see cref="Search"/> or whose external id equals it (the items search's definition, without the index).
/// </summary>
public sealed record EraseRequest(string? ExternalId = null, string? Search = null, string? Reason = null)
{
    /// <summary>Items one preview lists; the count is always complete.</summary>
    public const int PreviewLimit = 100;

    /// <summary>The shortest search an erasure accepts: a shorter one matches too much to be meant.</summary>
    public const int MinSearchLength = 3;

    public void Validate()
    {
        if (string.IsNullOrEmpty(ExternalId) == string.IsNullOrWhiteSpace(Search))
            throw LabelforgeException.Invalid("Name exactly one of an external id (--item, external_id) or a search term (--search, search).");
        if (Search is { } s && !string.IsNullOrWhiteSpace(s) && s.Trim().Length < MinSearchLength)
            throw LabelforgeException.Invalid($"An erasure search needs at least {MinSearchLength} characters; '{s.Trim()}' would match too much.");
        if (Reason is { Length: > 1000 })
            throw LabelforgeException.Invalid("A reason is at most 1000 characters.");
    }
}
