using Labelforge.Core.Common;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Core.LabelingFunctions.Projects.Fitting;

/// <summary>
/// Label models by wire name: matrix-completion (the default), majority-vote, dawid-skene. The former names
/// label-model (for matrix-completion) and majority are still accepted, so older scripts and clients keep working.
/// </summary>
public static class LabelModels
{
    public const string Default = "matrix-completion";

    public static IReadOnlyList<string> Names { get; } = [Default, "majority-vote", "dawid-skene"];

    /// <summary>Former wire names and the name each now has.</summary>
    public static IReadOnlyDictionary<string, string> FormerNames { get; } =
        new Dictionary<string, string> { ["label-model"] = Default, ["majority"] = "majority-vote" };

    /// <summary>The current name of <paramref name="name"/> (itself, or what a former name became); null when unknown.</summary>
    public static string? Resolve(string name) =>
        Names.Contains(name) ? name : FormerNames.GetValueOrDefault(name);

    public static ILabelModel Create(string name) => Resolve(name) switch
    {
        Default => new MatrixCompletionLabelModel(),
        "majority-vote" => new MajorityVoteLabelModel(),
        "dawid-skene" => new DawidSkeneLabelModel(),
        _ => throw LabelforgeException.Invalid($"Unknown label model '{name}'; use one of: {string.Join(", ", Names)}."),
    };
}
