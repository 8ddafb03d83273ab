namespace Labelforge.Engine.Consensus;

/// <summary>The truth-inference methods <see cref="TruthInference.Run"/> can dispatch to.</summary>
public enum InferenceMethod
{
    /// <summary><see cref="Consensus.MajorityVote"/>.</summary>
    MajorityVote,

    /// <summary><see cref="Consensus.WeightedMajorityVote"/>.</summary>
    WeightedMajorityVote,

    /// <summary><see cref="Consensus.DawidSkene"/>.</summary>
    DawidSkene,

    /// <summary><see cref="OneCoinDawidSkene"/>.</summary>
    OneCoin,

    /// <summary><see cref="Consensus.Glad"/>.</summary>
    Glad,

    /// <summary><see cref="Consensus.Mace"/>.</summary>
    Mace,
}
