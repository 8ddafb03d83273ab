using Labelforge.Core.Models;

namespace Labelforge.Training.Models;

/// <summary>
/// Settings of a project training run: model kind, the name its versions go under, whether programmatic labels join
/// as weighted examples, the seed, and the share of human labels held out for the metrics. Defaults: linear,
/// name = kind, human labels only, seed 42, 20% held out.
/// </summary>
public sealed record TrainRequest(string Kind = ModelKinds.Linear, string? Name = null, bool IncludeProgrammatic = false, int Seed = 42,
    double TestFraction = 0.2)
{
    public string ModelName => string.IsNullOrWhiteSpace(Name) ? Kind : Name.Trim();
}
