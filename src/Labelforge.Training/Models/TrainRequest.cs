using Labelforge.Core.Common;
using Labelforge.Core.Models;

namespace Labelforge.Training.Models;

/// <summary>
/// Settings of a project training run: model kind, the name its versions go under, whether programmatic labels join
/// as weighted examples, the seed, and the share of human labels held out for the metrics. Defaults: linear,
/// name = kind, human labels only, seed 42, 20% held out.
/// </summary>
public sealed record TrainRequest(string Kind = ModelKinds.Linear, string? Name = null, bool IncludeProgrammatic = false, int Seed = TrainRequest.DefaultSeed,
    double TestFraction = TrainRequest.DefaultTestFraction)
{
    /// <summary>The default seed of the held-out split and the trainer.</summary>
    public const int DefaultSeed = 42;

    /// <summary>The default share of human labels held out for the metrics.</summary>
    public const double DefaultTestFraction = 0.2;

    public string ModelName => string.IsNullOrWhiteSpace(Name) ? Kind : Name.Trim();

    /// <summary>A known model kind, and a held-out share strictly between 0 and 1.</summary>
    public void Validate()
    {
        if (!ModelKinds.All.Contains(Kind))
            throw LabelforgeException.Invalid($"Unknown model kind '{Kind}'; use {string.Join(" or ", ModelKinds.All)}.");
        if (TestFraction is <= 0 or >= 1)
            throw LabelforgeException.Invalid($"The test fraction must be between 0 and 1 (got {TestFraction}).");
    }
}
