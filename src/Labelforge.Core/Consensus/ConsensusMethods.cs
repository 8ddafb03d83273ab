using Labelforge.Core.Common;
using Labelforge.Engine.Consensus;

namespace Labelforge.Core.Consensus;

/// <summary>Wire names of the engine's consensus methods, the same as `labelforge consensus --method`.</summary>
public static class ConsensusMethods
{
    public static readonly IReadOnlyDictionary<string, ConsensusMethod> ByName = new Dictionary<string, ConsensusMethod>(StringComparer.OrdinalIgnoreCase)
    {
        ["majority"] = ConsensusMethod.MajorityVote,
        ["weighted-majority"] = ConsensusMethod.WeightedMajorityVote,
        ["dawid-skene"] = ConsensusMethod.DawidSkene,
        ["one-coin"] = ConsensusMethod.OneCoin,
        ["glad"] = ConsensusMethod.Glad,
        ["mace"] = ConsensusMethod.Mace,
    };

    /// <summary>The method a wire name names, or an Invalid error listing the names.</summary>
    public static (string Name, ConsensusMethod Method) Parse(string? name)
    {
        if (name is not null && ByName.TryGetValue(name.Trim(), out var method))
            return (name.Trim().ToLowerInvariant(), method);
        throw LabelforgeException.Invalid($"Unknown consensus method '{name}'; use one of {string.Join(", ", ByName.Keys)}.");
    }
}
