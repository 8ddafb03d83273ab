using System.Globalization;

namespace Labelforge.Core.LabelingFunctions.Functions;

/// <summary>
/// Votes <see cref="Label"/> when a JSON field passes a test: a numeric threshold (lt, le, gt, ge against a
/// number) or equality (eq, ne: numerically when both sides are numbers, else as text). A missing field abstains.
/// </summary>
public sealed class FieldTestFunction(string name, string field, FieldComparison comparison, string value, int label, string fingerprint)
    : LabelingFunction(name, "field", fingerprint)
{
    private readonly double? _number = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    public string Field { get; } = field;

    public FieldComparison Comparison { get; } = comparison;

    public string Value { get; } = value;

    public int Label { get; } = label;

    public override int Apply(LabelingFunctionDocument document) => Passes(document) ? Label : Engine.LabelIndex.Abstain;

    private bool Passes(LabelingFunctionDocument document)
    {
        var number = document.FieldNumber(Field);
        if (Comparison is FieldComparison.Equal or FieldComparison.NotEqual)
        {
            var text = document.FieldText(Field);
            if (text is null)
                return false;
            var equal = number is { } x && _number is { } y ? x == y : text == Value;
            return equal == (Comparison == FieldComparison.Equal);
        }
        if (number is not { } actual || _number is not { } threshold)
            return false;
        return Comparison switch
        {
            FieldComparison.Less => actual < threshold,
            FieldComparison.LessOrEqual => actual <= threshold,
            FieldComparison.Greater => actual > threshold,
            _ => actual >= threshold,
        };
    }
}
