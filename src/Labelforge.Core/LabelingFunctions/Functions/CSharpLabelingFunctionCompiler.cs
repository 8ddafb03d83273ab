using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Labelforge.Core.LabelingFunctions.Sets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Labelforge.Core.LabelingFunctions.Functions;

/// <summary>
/// Compiles a .cs file of labeling functions with Roslyn into an in-memory assembly (its own collectible load
/// context) and returns every public static method that takes an <see cref="LabelingFunctionDocument"/> and returns a label
/// index (<c>int</c> or <c>int?</c>, null or negative = abstain) or a label name (<c>string</c>, null = abstain).
/// Compile errors come back as <see cref="LabelingFunctionSetError"/> values with the file, line and column.
/// </summary>
public static class CSharpLabelingFunctionCompiler
{
    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    // Files written before the type was renamed declare functions on LfDocument; the alias keeps them compiling.
    private static readonly SyntaxTree FormerNames = CSharpSyntaxTree.ParseText(
        "global using LfDocument = Labelforge.Core.LabelingFunctions.LabelingFunctionDocument;",
        new CSharpParseOptions(LanguageVersion.Latest), "former-names.cs", Encoding.UTF8);

    public static (IReadOnlyList<(string Method, Func<LabelingFunctionDocument, int> Body)> Functions, IReadOnlyList<LabelingFunctionSetError> Errors) Compile(
        string path, string source, IReadOnlyList<string> labels)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path, Encoding.UTF8);
        var compilation = CSharpCompilation.Create(
            "lf_" + Guid.NewGuid().ToString("N"),
            [tree, FormerNames],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable, usings: ["System", "System.Linq", "System.Text.RegularExpressions", "System.Collections.Generic"]));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => ToError(path, d))
                .ToList();
            return ([], errors);
        }
        image.Position = 0;
        var assembly = new AssemblyLoadContext(path, isCollectible: true).LoadFromStream(image);
        return Discover(path, assembly, labels);
    }

    private static (IReadOnlyList<(string, Func<LabelingFunctionDocument, int>)>, IReadOnlyList<LabelingFunctionSetError>) Discover(
        string path, Assembly assembly, IReadOnlyList<string> labels)
    {
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.OrdinalIgnoreCase);
        var functions = new List<(string, Func<LabelingFunctionDocument, int>)>();
        var methods = assembly.GetTypes()
            .Where(t => t.IsPublic)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters() is [{ ParameterType: var p }] && p == typeof(LabelingFunctionDocument))
            .OrderBy(m => m.MetadataToken);
        foreach (var method in methods)
        {
            Func<LabelingFunctionDocument, int>? body = method.ReturnType switch
            {
                var r when r == typeof(int) => Labels(method.CreateDelegate<Func<LabelingFunctionDocument, int>>(), labels.Count),
                var r when r == typeof(int?) => Labels(method.CreateDelegate<Func<LabelingFunctionDocument, int?>>(), labels.Count),
                var r when r == typeof(string) => Names(method.CreateDelegate<Func<LabelingFunctionDocument, string?>>(), index),
                _ => null,
            };
            if (body is not null)
                functions.Add((method.Name, body));
        }
        if (functions.Count == 0)
        {
            return ([], [new LabelingFunctionSetError(path, 0, 0,
                "no labeling functions found: declare `public static int Name(LabelingFunctionDocument doc)` (label index, -1 = abstain) or `public static string? Name(LabelingFunctionDocument doc)` (label name, null = abstain) in a public class")]);
        }
        return (functions, []);
    }

    private static Func<LabelingFunctionDocument, int> Labels(Func<LabelingFunctionDocument, int> f, int count) => doc =>
    {
        var label = f(doc);
        return label < 0 ? Engine.LabelIndex.Abstain
            : label < count ? label
            : throw new InvalidOperationException($"returned label index {label}; the set has {count} labels");
    };

    private static Func<LabelingFunctionDocument, int> Labels(Func<LabelingFunctionDocument, int?> f, int count) => Labels(doc => f(doc) ?? Engine.LabelIndex.Abstain, count);

    private static Func<LabelingFunctionDocument, int> Names(Func<LabelingFunctionDocument, string?> f, Dictionary<string, int> index) => doc =>
        f(doc) is not { } name ? Engine.LabelIndex.Abstain
        : index.TryGetValue(name, out var label) ? label
        : throw new InvalidOperationException($"returned unknown label '{name}'");

    private static LabelingFunctionSetError ToError(string path, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return new LabelingFunctionSetError(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
            $"{diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    private static MetadataReference[] LoadReferences()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
        return [.. platform.Append(typeof(LabelingFunctionDocument).Assembly.Location).Distinct().Select(p => MetadataReference.CreateFromFile(p))];
    }
}
