using Labelforge.Core.Common;
using Labelforge.Engine.Objects;

namespace Labelforge.Core.Consensus;

/// <summary>
/// A box consensus run: images with at least <see cref="MinAnnotators"/> people's annotations get consensus boxes;
/// a fused box is kept when its confidence (the share of annotators whose boxes it fuses) is at least
/// <see cref="MinScore"/>; boxes join a cluster above <see cref="IoUThreshold"/>.
/// </summary>
public sealed record ObjectConsensusRequest(
    int MinAnnotators = ObjectConsensusRequest.DefaultMinAnnotators,
    double MinScore = ObjectConsensusRequest.DefaultMinScore,
    double IoUThreshold = WeightedBoxFusion.DefaultThreshold)
{
    public const int DefaultMinAnnotators = 2;

    /// <summary>Half the annotators: a box that only a minority drew is left out.</summary>
    public const double DefaultMinScore = 0.5;

    public void Validate()
    {
        if (MinAnnotators < 1)
            throw LabelforgeException.Invalid($"min_annotators must be at least 1 (got {MinAnnotators}).");
        if (!(MinScore is >= 0 and <= 1))
            throw LabelforgeException.Invalid($"min_score must be between 0 and 1 (got {MinScore}).");
        if (!(IoUThreshold is > 0 and < 1))
            throw LabelforgeException.Invalid($"iou_threshold must be between 0 and 1, exclusive (got {IoUThreshold}).");
    }
}
