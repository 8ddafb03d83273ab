namespace Labelforge.Core.Items;

/// <summary>
/// One page of items and the total that matched the filters. <see cref="TotalCapped"/>: a text search counted its
/// matches only up to <see cref="ItemOperations.SearchCountLimit"/>, and there are more.
/// </summary>
public sealed record ItemPage(IReadOnlyList<ItemView> Items, long Total, int Page, int PageSize, bool TotalCapped = false);
