using Labelforge.Core.Common;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>Label models by wire name: majority, label-model (matrix completion, the default), dawid-skene.</summary>
public static class LabelModels
{
    public static IReadOnlyList<string> Names { get; } = ["label-model", "majority", "dawid-skene"];

    public static ILabelModel Create(string name) => name switch
    {
        "label-model" => new MatrixCompletionLabelModel(),
        "majority" => new MajorityVoteLabelModel(),
        "dawid-skene" => new DawidSkeneLabelModel(),
        _ => throw LabelforgeException.Invalid($"Unknown label model '{name}'; use one of: {string.Join(", ", Names)}."),
    };
}
