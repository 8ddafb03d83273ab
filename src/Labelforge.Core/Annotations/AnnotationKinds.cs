namespace Labelforge.Core.Annotations;

/// <summary>Wire names of <see cref="AnnotationKind"/>: the strings in the database, API and exports.</summary>
public static class AnnotationKinds
{
    /// <summary>Wire names of the kinds that give an item its label by hand: a person's or an imported one.</summary>
    public static readonly string[] HumanOrImport = [AnnotationKind.Human.ToWire(), AnnotationKind.Import.ToWire()];

    public static string ToWire(this AnnotationKind kind) => kind switch
    {
        AnnotationKind.Human => "human",
        AnnotationKind.Model => "model",
        AnnotationKind.Programmatic => "programmatic",
        AnnotationKind.Import => "import",
        AnnotationKind.ModelAccepted => "model-accepted",
        AnnotationKind.Consensus => "consensus",
        AnnotationKind.Review => "review",
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
