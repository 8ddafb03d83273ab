namespace Labelforge.Core.Taxonomy;

/// <summary>One entry of the taxonomy history: the version an operation made, and what it did.</summary>
public sealed record TaxonomyVersionView(int Version, string Operation, string Details, string? Author, DateTimeOffset CreatedAt);
