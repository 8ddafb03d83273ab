using Labelforge.Core.LabelingFunctions.Sandbox;

namespace Labelforge.Core.LabelingFunctions.Functions;

/// <summary>
/// A public static method from a user's .cs file, compiled by <see cref="CSharpLabelingFunctionCompiler"/>. It never runs in
/// this process: <see cref="LabelingFunctionApplier"/> sends the set's C# functions and each chunk of documents to a
/// worker process (<see cref="CSharpWorkerPool"/>); <see cref="Apply"/> alone runs one document the same way.
/// </summary>
public sealed class CSharpFunction(string name, CSharpCompiledFile file, string typeName, string method, CSharpReturnKind returns,
    IReadOnlyList<string> labels, string fingerprint)
    : LabelingFunction(name, "csharp", fingerprint)
{
    public CSharpCompiledFile File { get; } = file;

    /// <summary>Metadata name of the declaring type (namespace and nesting included).</summary>
    public string TypeName { get; } = typeName;

    public string Method { get; } = method;

    public CSharpReturnKind Returns { get; } = returns;

    public IReadOnlyList<string> Labels { get; } = labels;

    public override int Apply(LabelingFunctionDocument document)
    {
        using var session = CSharpWorkerPool.Shared.Open([this], CSharpWorkerLimits.Default, CancellationToken.None);
        var result = session.Run([0], [document], CancellationToken.None);
        return result.Faults[0] is { } fault ? throw new InvalidOperationException(fault) : result.Votes[0];
    }
}
