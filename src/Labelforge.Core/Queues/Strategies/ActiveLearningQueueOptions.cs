namespace Labelforge.Core.Queues.Strategies;

/// <summary>
/// How active-learning rankings are built. Defaults: rank the 10,000 most informative items (far more than the
/// labels between two retrains; the rest follow seeded random); a diversity head of at least twice retrain-every
/// items, so annotators rarely run past it before the next model; a stop set of 1,000 unlabeled items; the stopping
/// rule of Bloodgood &amp; Vijay-Shanker (kappa ≥ 0.99 for 3 successive retrains).
/// </summary>
public sealed record ActiveLearningQueueOptions
{
    public int RankDepth { get; init; } = 10_000;

    public int HeadFactor { get; init; } = 2;

    public int StopSetSize { get; init; } = 1_000;

    public double StableKappa { get; init; } = 0.99;

    public int StableRounds { get; init; } = 3;
}
