namespace Labelforge.Core.LabelingFunctions.Functions;

/// <summary>What a C# labeling function returns: a label index (<c>int</c>, <c>int?</c>; null or negative = abstain) or a label name (<c>string</c>, null = abstain).</summary>
public enum CSharpReturnKind : byte
{
    Index = 0,
    NullableIndex = 1,
    Name = 2,
}
