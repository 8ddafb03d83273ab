namespace Labelforge.Core.LabelingFunctions.Functions;

/// <summary>A labeling function found in a compiled file: its declaring type's metadata name, method and return kind.</summary>
public sealed record CSharpCompiledMethod(string Method, string TypeName, CSharpReturnKind Returns, CSharpCompiledFile File);
