namespace Labelforge.Core.LabelingFunctions.Functions;

/// <summary>A public static method from a user's .cs file, compiled by <see cref="CSharpLabelingFunctionCompiler"/>.</summary>
public sealed class CSharpFunction(string name, Func<LabelingFunctionDocument, int> body, string fingerprint)
    : LabelingFunction(name, "csharp", fingerprint)
{
    public override int Apply(LabelingFunctionDocument document) => body(document);
}
