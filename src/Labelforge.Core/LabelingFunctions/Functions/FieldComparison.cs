namespace Labelforge.Core.LabelingFunctions.Functions;

/// <summary>The test of a field function; wire names: eq, ne, lt, le, gt, ge.</summary>
public enum FieldComparison
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
