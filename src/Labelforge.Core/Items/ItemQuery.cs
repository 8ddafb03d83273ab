namespace Labelforge.Core.Items;

/// <summary>
/// Filters of the data browser. <see cref="Label"/> matches items whose current labels (any author)
/// resolve to that label, merges included. Page is 1-based; defaults: page 1 of 50 items.
/// </summary>
public sealed record ItemQuery(
    string? Search = null,
    string? Label = null,
    string? Author = null,
    bool Unlabeled = false,
    bool NeedsRelabel = false,
    int Page = 1,
    int PageSize = ItemQuery.DefaultPageSize)
{
    /// <summary>Items per page unless the caller asks for another size.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Show the items as stored, personal data included; left false, the project's masking applies (managers only).</summary>
    public bool Unmasked { get; init; }
}
