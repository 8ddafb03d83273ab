namespace Labelforge.Engine.LabelErrors;

/// <summary>What <see cref="LabelErrorDetector.Find"/> flagged, most suspicious first, with the confident joint behind it.</summary>
/// <param name="Indices">Flagged rows ranked by ascending label quality.</param>
/// <param name="Joint">Thresholds, raw and calibrated confident joint.</param>
/// <param name="PruneCounts">How many items the pruning filters remove per cell [true class][given class] (null for the other filters).</param>
public sealed record LabelErrorResult(int[] Indices, ConfidentJoint Joint, int[,]? PruneCounts);
