using Labelforge.Core.LabelingFunctions.Sets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Labelforge.Core.LabelingFunctions.Functions;

/// <summary>
/// What C# labeling functions may name, checked over the compiled source before anything runs: types of an allow-list of
/// namespaces (System, System.Collections, System.Collections.Generic, System.Globalization, System.Linq, System.Numerics,
/// System.Text, System.Text.Json, System.Text.RegularExpressions) and <see cref="LabelingFunctionDocument"/>; not the
/// process, environment, console, reflection, threads, files, network or native code (System.Environment, AppDomain,
/// AppContext, Activator, GC, Console, Type's members beyond its names, JsonSerializer; any namespace off the list such
/// as System.IO, System.Net, System.Diagnostics, System.Reflection, System.Runtime.InteropServices, System.Threading),
/// and no <c>extern</c> methods. Members whose own type lies outside the list (<c>Exception.TargetSite</c>) are refused
/// too. The worker process's limits (see <see cref="Sandbox.CSharpWorkerPool"/>) hold whatever slips through.
/// </summary>
internal static class CSharpSymbolPolicy
{
    private static readonly HashSet<string> AllowedNamespaces =
    [
        "System", "System.Collections", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Numerics",
        "System.Text", "System.Text.Json", "System.Text.RegularExpressions",
    ];

    private static readonly HashSet<string> DeniedTypes =
    [
        "System.Environment", "System.AppDomain", "System.AppContext", "System.Activator", "System.GC", "System.Console",
        "System.Text.Json.JsonSerializer", "System.RuntimeTypeHandle", "System.RuntimeMethodHandle", "System.RuntimeFieldHandle",
        "System.ModuleHandle", "System.TypedReference", "System.ArgIterator", "System.RuntimeArgumentHandle", "System.Delegate",
        "System.MulticastDelegate", "System.Buffer",
    ];

    private static readonly HashSet<string> TypeNameMembers = ["Name", "FullName", "Namespace", "ToString", "Equals", "GetHashCode", "op_Equality", "op_Inequality"];

    public const string Allowed = "System (not Environment, AppDomain, AppContext, Activator, GC, Console, reflection), System.Collections(.Generic), "
        + "System.Globalization, System.Linq, System.Numerics, System.Text, System.Text.Json (not JsonSerializer), System.Text.RegularExpressions "
        + "and LabelingFunctionDocument";

    public static IEnumerable<LabelingFunctionSetError> Check(string path, CSharpCompilation compilation, SyntaxTree tree)
    {
        var model = compilation.GetSemanticModel(tree);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (node is MethodDeclarationSyntax method && method.Modifiers.Any(SyntaxKind.ExternKeyword))
            {
                yield return Error(path, method.Identifier.GetLocation(), "extern methods are not available to labeling functions");
                continue;
            }
            if (node is not (SimpleNameSyntax or BaseObjectCreationExpressionSyntax or ElementAccessExpressionSyntax))
                continue;
            if (node.Parent is UsingDirectiveSyntax || node.Ancestors().Any(a => a is UsingDirectiveSyntax { Alias: null }))
                continue;
            var info = model.GetSymbolInfo(node);
            if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is not { } symbol)
                continue;
            // One error per name and line: `System.IO.File.ReadAllText` names File once, not at each of its parts.
            if (Refusal(symbol) is { } name && reported.Add($"{name}@{node.GetLocation().GetLineSpan().StartLinePosition.Line}"))
                yield return Error(path, node.GetLocation(), $"'{name}' is not available to labeling functions; they may use {Allowed}");
        }
    }

    /// <summary>The display name of what <paramref name="symbol"/> reaches that the policy refuses, or null.</summary>
    private static string? Refusal(ISymbol symbol)
    {
        switch (symbol)
        {
            case INamespaceSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or IDiscardSymbol or ITypeParameterSymbol:
                return null;
            case IAliasSymbol alias:
                return Refusal(alias.Target);
            case ITypeSymbol type:
                return RefusedType(type);
        }
        if (symbol.ContainingType is { } owner)
        {
            if (FromSource(owner))
                return null;
            // A type's names (typeof(X).Name, declared on MemberInfo) are fine; the rest of Type is reflection.
            if (owner.ToDisplayString() is "System.Type" or "System.Reflection.MemberInfo")
                return TypeNameMembers.Contains(symbol.Name) ? null : $"System.Type.{symbol.Name}";
            if (RefusedType(owner) is { } refused)
                return refused;
        }
        var memberType = symbol switch
        {
            IMethodSymbol m => m.ReturnType,
            IPropertySymbol p => p.Type,
            IFieldSymbol f => f.Type,
            IEventSymbol e => e.Type,
            _ => null,
        };
        return memberType is null ? null : RefusedType(memberType) is { } other ? $"{symbol.ToDisplayString()} (its type {other})" : null;
    }

    private static string? RefusedType(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return RefusedType(array.ElementType);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return type.ToDisplayString();
            case ITypeParameterSymbol or IDynamicTypeSymbol or IErrorTypeSymbol:
                return null;
            case INamedTypeSymbol named:
                if (FromSource(named))
                    return null;
                foreach (var argument in named.TypeArguments)
                {
                    if (RefusedType(argument) is { } refused)
                        return refused;
                }
                var definition = named.OriginalDefinition;
                var outer = definition;
                while (outer.ContainingType is { } containing)
                    outer = containing;
                var full = outer.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));
                if (full is "Labelforge.Core.LabelingFunctions.LabelingFunctionDocument")
                    return null;
                var ns = outer.ContainingNamespace?.ToDisplayString() ?? "";
                return !AllowedNamespaces.Contains(ns) || DeniedTypes.Contains(full) ? full : null;
            default:
                return null;
        }
    }

    private static bool FromSource(INamedTypeSymbol type) => type.Locations.Any(l => l.IsInSource);

    private static LabelingFunctionSetError Error(string path, Location location, string message)
    {
        var span = location.GetLineSpan();
        return new LabelingFunctionSetError(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, $"LF0001: {message}");
    }
}
