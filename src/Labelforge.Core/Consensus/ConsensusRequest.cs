namespace Labelforge.Core.Consensus;

/// <summary>A consensus run to make: the method's wire name (<see cref="ConsensusMethods"/>) and the seed of its random choices.</summary>
public sealed record ConsensusRequest(string Method, int Seed = ConsensusRequest.DefaultSeed)
{
    public const int DefaultSeed = 42;
}
