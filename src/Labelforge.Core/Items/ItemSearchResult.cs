namespace Labelforge.Core.Items;

/// <summary>The first ids of a search, ascending, and the number of matches (at most the count limit; <see cref="Capped"/> when there are more).</summary>
public sealed record ItemSearchResult(IReadOnlyList<long> Ids, long Total, bool Capped);
