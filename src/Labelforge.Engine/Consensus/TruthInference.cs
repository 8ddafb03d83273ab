namespace Labelforge.Engine.Consensus;

/// <summary>Runs any truth-inference method by its <see cref="InferenceMethod"/> value.</summary>
public static class TruthInference
{
    /// <summary>Runs <paramref name="method"/> on the answers.</summary>
    public static InferenceResult Run(InferenceMethod method, CrowdAnswers answers, InferenceOptions? options = null) => method switch
    {
        InferenceMethod.MajorityVote => MajorityVote.Run(answers, options),
        InferenceMethod.WeightedMajorityVote => WeightedMajorityVote.Run(answers, options),
        InferenceMethod.DawidSkene => DawidSkene.Run(answers, options),
        InferenceMethod.OneCoin => OneCoinDawidSkene.Run(answers, options),
        InferenceMethod.Glad => Glad.Run(answers, options),
        InferenceMethod.Mace => Mace.Run(answers, options),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown inference method"),
    };
}
