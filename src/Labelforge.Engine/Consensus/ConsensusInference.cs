namespace Labelforge.Engine.Consensus;

/// <summary>Runs any consensus method by its <see cref="ConsensusMethod"/> value.</summary>
public static class ConsensusInference
{
    /// <summary>Runs <paramref name="method"/> on the answers.</summary>
    public static ConsensusResult Run(ConsensusMethod method, CrowdAnswers answers, ConsensusOptions? options = null) => method switch
    {
        ConsensusMethod.MajorityVote => MajorityVote.Run(answers, options),
        ConsensusMethod.WeightedMajorityVote => WeightedMajorityVote.Run(answers, options),
        ConsensusMethod.DawidSkene => DawidSkene.Run(answers, options),
        ConsensusMethod.OneCoin => OneCoinDawidSkene.Run(answers, options),
        ConsensusMethod.Glad => Glad.Run(answers, options),
        ConsensusMethod.Mace => Mace.Run(answers, options),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown inference method"),
    };
}
