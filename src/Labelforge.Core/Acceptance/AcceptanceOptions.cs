namespace Labelforge.Core.Acceptance;

/// <summary>
/// Which labels count as gold. Annotations of kind review (a reviewer's checked label) always do; <see cref="GoldAuthors"/>
/// adds authors whose labels are trusted too, e.g. <c>import:3</c> for an imported ground-truth batch or an expert's name.
/// Default: reviews only.
/// </summary>
public sealed record AcceptanceOptions
{
    public IReadOnlyList<string> GoldAuthors { get; init; } = [];
}
