namespace Labelforge.Engine.ActiveLearning;

/// <summary>How an active-learning query picks the next batch from the unlabeled pool (Settles, "Active Learning Literature Survey", 2009).</summary>
public enum QueryStrategy
{
    /// <summary>Uniform sample without replacement: the passive-learning baseline.</summary>
    Random,

    /// <summary>Largest 1 - max_j p(j | x).</summary>
    LeastConfidence,

    /// <summary>Smallest margin p(first) - p(second) between the two most likely classes (Scheffer et al. 2001).</summary>
    Margin,

    /// <summary>Largest entropy -Σ_j p(j | x) log p(j | x) (Shannon).</summary>
    Entropy,

    /// <summary>k-means++ seeding on feature vectors: spread the batch over the feature space (Arthur &amp; Vassilvitskii 2007).</summary>
    Diversity,

    /// <summary>The β·b items with the smallest margin, then b of them spread out by k-means++ seeding (Zhdanov 2019, "Diverse mini-batch active learning").</summary>
    UncertaintyDiversity,
}
