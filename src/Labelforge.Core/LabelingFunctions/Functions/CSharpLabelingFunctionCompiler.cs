using System.Text;
using Labelforge.Core.LabelingFunctions.Sets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Labelforge.Core.LabelingFunctions.Functions;

/// <summary>
/// Compiles a .cs file of labeling functions with Roslyn into an assembly image and finds every public static method of a
/// public top-level class that takes a <see cref="LabelingFunctionDocument"/> and returns a label index (<c>int</c> or
/// <c>int?</c>, null or negative = abstain) or a label name (<c>string</c>, null = abstain). Nothing of the file is loaded or
/// run here: the functions are found from the compiler's symbols, and only the worker process loads the image. Compile
/// errors, and names the <see cref="CSharpSymbolPolicy"/> refuses, come back as <see cref="LabelingFunctionSetError"/>
/// values with the file, line and column.
/// </summary>
public static class CSharpLabelingFunctionCompiler
{
    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    // Files written before the type was renamed declare functions on LfDocument; the alias keeps them compiling.
    private static readonly SyntaxTree FormerNames = CSharpSyntaxTree.ParseText(
        "global using LfDocument = Labelforge.Core.LabelingFunctions.LabelingFunctionDocument;",
        new CSharpParseOptions(LanguageVersion.Latest), "former-names.cs", Encoding.UTF8);

    public static (IReadOnlyList<CSharpCompiledMethod> Functions, IReadOnlyList<LabelingFunctionSetError> Errors) Compile(string path, string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path, Encoding.UTF8);
        var compilation = CSharpCompilation.Create(
            "lf_" + Guid.NewGuid().ToString("N"),
            [tree, FormerNames],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: false,
                usings: ["System", "System.Linq", "System.Text.RegularExpressions", "System.Collections.Generic"]));
        var refused = compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? [] : CSharpSymbolPolicy.Check(path, compilation, tree).ToList();
        if (refused.Count > 0)
            return ([], refused);
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
        return Discover(path, compilation, tree, new CSharpCompiledFile(image.ToArray()));
    }

    private static (IReadOnlyList<CSharpCompiledMethod>, IReadOnlyList<LabelingFunctionSetError>) Discover(
        string path, CSharpCompilation compilation, SyntaxTree tree, CSharpCompiledFile file)
    {
        var model = compilation.GetSemanticModel(tree);
        var document = compilation.GetTypeByMetadataName(typeof(LabelingFunctionDocument).FullName!);
        var functions = new List<CSharpCompiledMethod>();
        var methods = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
            .Select(m => model.GetDeclaredSymbol(m))
            .OfType<IMethodSymbol>()
            .Where(m => m is { IsStatic: true, DeclaredAccessibility: Accessibility.Public, IsGenericMethod: false, Parameters: [{ RefKind: RefKind.None } p] }
                && SymbolEqualityComparer.Default.Equals(p.Type, document)
                && m.ContainingType is { DeclaredAccessibility: Accessibility.Public, ContainingType: null, IsGenericType: false });
        foreach (var method in methods)
        {
            CSharpReturnKind? returns = method.ReturnType switch
            {
                { SpecialType: SpecialType.System_Int32 } => CSharpReturnKind.Index,
                INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [{ SpecialType: SpecialType.System_Int32 }] } => CSharpReturnKind.NullableIndex,
                { SpecialType: SpecialType.System_String } => CSharpReturnKind.Name,
                _ => null,
            };
            if (returns is { } kind)
                functions.Add(new CSharpCompiledMethod(method.Name, MetadataName(method.ContainingType), kind, file));
        }
        if (functions.Count == 0)
        {
            return ([], [new LabelingFunctionSetError(path, 0, 0,
                "no labeling functions found: declare `public static int Name(LabelingFunctionDocument doc)` (label index, -1 = abstain) or `public static string? Name(LabelingFunctionDocument doc)` (label name, null = abstain) in a public class")]);
        }
        return (functions, []);
    }

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? $"{ns.ToDisplayString()}.{type.MetadataName}" : type.MetadataName;

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
