namespace Labelforge.Core.Import.Readers;

/// <summary>
/// Which source fields hold the text, the external id and optional pre-annotation labels.
/// Null <see cref="TextField"/> means "text"; null <see cref="IdField"/> means no external id
/// (dedupe then relies on the content hash); null <see cref="LabelField"/> imports no labels.
/// <see cref="NoHeader"/>: a CSV/TSV file's first row is data, and its columns are named column_1, column_2, ...
/// (<see cref="Column"/>), which the fields then name.
/// </summary>
public sealed record ImportFieldMap(string? TextField = null, string? IdField = null, string? LabelField = null)
{
    public string TextFieldOrDefault => TextField ?? "text";

    public bool NoHeader { get; init; }

    /// <summary>The name of the 1-based column <paramref name="number"/> of a file without a header row.</summary>
    public static string Column(int number) => $"column_{number}";
}
