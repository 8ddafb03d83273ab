namespace Labelforge.Core.Taxonomy;

/// <summary>
/// What a label text read as (<see cref="LabelLookup.Match"/>): one <see cref="Label"/> and the form it matched
/// (<see cref="Written"/>: the label's name, or its path), or, when the text means several labels, no label and
/// the <see cref="Candidates"/>; neither when it means none.
/// </summary>
public sealed record LabelMatch(Label? Label, string? Written, IReadOnlyList<Label> Candidates)
{
    public static readonly LabelMatch None = new(null, null, []);

    public bool Ambiguous => Label is null && Candidates.Count > 1;
}
