namespace Labelforge.Core.Annotations;

/// <summary>Wire names of <see cref="AnnotationKind"/>: the strings in the database, API and exports.</summary>
public static class AnnotationKinds
{
    /// <summary>
    /// Wire names of the kinds that give an item its label: a person's, an imported one, or a reviewer's keep or fix
    /// (which supersedes the label it reviewed). Training, label-error detection, auto-accept evidence,
    /// `predict --only-unlabeled` and the active-learning pool all read labels through this one list.
    /// </summary>
    public static readonly string[] Given = [AnnotationKind.Human.ToWire(), AnnotationKind.Import.ToWire(), AnnotationKind.Review.ToWire()];

    /// <summary>Wire names of the kinds a person decided: the annotate queue is done with an item that has one.</summary>
    public static readonly string[] ByPerson = [AnnotationKind.Human.ToWire(), AnnotationKind.Review.ToWire()];

    public static string ToWire(this AnnotationKind kind) => kind switch
    {
        AnnotationKind.Human => "human",
        AnnotationKind.Model => "model",
        AnnotationKind.Programmatic => "programmatic",
        AnnotationKind.Import => "import",
        AnnotationKind.ModelAccepted => "model-accepted",
        AnnotationKind.Consensus => "consensus",
        AnnotationKind.Review => "review",
        AnnotationKind.Gold => "gold",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown annotation kind"),
    };

    public static bool TryParse(string? wire, out AnnotationKind kind)
    {
        foreach (var candidate in Enum.GetValues<AnnotationKind>())
        {
            if (string.Equals(candidate.ToWire(), wire, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
