namespace Labelforge.Engine.LabelErrors;

/// <summary>
/// How confident learning turns the confident joint into a set of flagged items
/// (Northcutt, Jiang &amp; Chuang, "Confident Learning: Estimating Uncertainty in Dataset Labels", JAIR 2021, sec. 3.2).
/// Every filter finally keeps only items whose predicted class (argmax) differs from the given label.
/// </summary>
public enum LabelErrorFilter
{
    /// <summary>For each off-diagonal cell C[given=i][true=j], flag the C[i][j] items labeled i with the largest margin p_j - p_i (CL method 3, cleanlab's default).</summary>
    PruneByNoiseRate,

    /// <summary>For each class i, flag the n_i - C[i][i] items labeled i with the lowest self-confidence p_i (CL method 2).</summary>
    PruneByClass,

    /// <summary>Items flagged by both <see cref="PruneByNoiseRate"/> and <see cref="PruneByClass"/> (CL method 4).</summary>
    Both,

    /// <summary>Items counted in an off-diagonal cell of the confident joint C[ỹ][y*], that is, confidently in a class other than their given one (CL method 1).</summary>
    ConfidentLearning,

    /// <summary>Items whose argmax prediction differs from the given label (the C_confusion baseline).</summary>
    PredictedNeqGiven,
}
