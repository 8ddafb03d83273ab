namespace Labelforge.Core.LabelingFunctions.Functions;

/// <summary>
/// Another author's labels used as a labeling function. The vote is the author's label from
/// <see cref="LabelingFunctionDocument.Annotations"/> (the project layer fills it from stored annotations) or, for plain
/// files, the value of <see cref="Field"/>; a label name or index of the set. Missing or unknown values abstain.
/// </summary>
public sealed class AnnotationsFunction(string name, string? author, string? field, IReadOnlyList<string> labels, string fingerprint)
    : LabelingFunction(name, "annotations", fingerprint)
{
    private readonly Dictionary<string, int> _labelIndex = labels
        .Select((label, index) => (label, index))
        .ToDictionary(p => p.label, p => p.index, StringComparer.OrdinalIgnoreCase);

    public string? Author { get; } = author;

    public string? Field { get; } = field;

    public override int Apply(LabelingFunctionDocument document)
    {
        string? value = null;
        if (Author is not null)
            document.Annotations?.TryGetValue(Author, out value);
        if (value is null && Field is not null)
            value = document.FieldText(Field);
        if (string.IsNullOrWhiteSpace(value))
            return Engine.LabelIndex.Abstain;
        value = value.Trim();
        if (_labelIndex.TryGetValue(value, out var index))
            return index;
        return int.TryParse(value, out var number) && number >= 0 && number < _labelIndex.Count ? number : Engine.LabelIndex.Abstain;
    }
}
