namespace Labelforge.Core.Import;

/// <summary>
/// Which source fields hold the text, the external id and optional pre-annotation labels.
/// Null <see cref="TextField"/> means "text"; null <see cref="IdField"/> means no external id
/// (dedupe then relies on the content hash); null <see cref="LabelField"/> imports no labels.
/// </summary>
public sealed record ImportFieldMap(string? TextField = null, string? IdField = null, string? LabelField = null)
{
    public string TextFieldOrDefault => TextField ?? "text";
}
