namespace Labelforge.Core.Consensus;

/// <summary>What a box consensus run stored: its author, the images it annotated, the boxes in all, the images left with no object, and the polygons in all.</summary>
public sealed record ObjectConsensusResult(string Author, int Items, int Boxes, int EmptyItems, int Polygons);
