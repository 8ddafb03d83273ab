namespace Labelforge.Core.Items;

/// <summary>One page of items and the total that matched the filters.</summary>
public sealed record ItemPage(IReadOnlyList<ItemView> Items, long Total, int Page, int PageSize);
