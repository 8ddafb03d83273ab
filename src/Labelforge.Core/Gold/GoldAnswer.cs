namespace Labelforge.Core.Gold;

/// <summary>A gold item and its known answer, as label references (see <c>LabelLookup.ReferenceOf</c>).</summary>
public sealed record GoldAnswer(long ItemId, string? ExternalId, IReadOnlyList<string> Labels);
