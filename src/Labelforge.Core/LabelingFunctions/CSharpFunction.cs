namespace Labelforge.Core.LabelingFunctions;

/// <summary>A public static method from a user's .cs file, compiled by <see cref="CSharpLfCompiler"/>.</summary>
public sealed class CSharpFunction(string name, Func<LfDocument, int> body, string fingerprint)
    : LabelingFunction(name, "csharp", fingerprint)
{
    public override int Apply(LfDocument document) => body(document);
}
