namespace Labelforge.Core.Counts;

/// <summary>An annotator and the items they gave a human label (<see cref="AnnotatorCounts"/>).</summary>
public sealed record AnnotatorCount(string Author, long LabeledItems);
