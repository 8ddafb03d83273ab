namespace Labelforge.Engine.Consensus;

/// <summary>The consensus methods <see cref="ConsensusInference.Run"/> can dispatch to.</summary>
public enum ConsensusMethod
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
