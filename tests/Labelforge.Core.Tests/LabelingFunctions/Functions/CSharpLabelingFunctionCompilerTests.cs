using Labelforge.Core.LabelingFunctions;
using Labelforge.Core.LabelingFunctions.Functions;

namespace Labelforge.Core.Tests.LabelingFunctions.Functions;

public class CSharpLabelingFunctionCompilerTests
{
    [Fact]
    public void Public_static_methods_become_functions_returning_indices_or_names()
    {
        const string source = """
            using Labelforge.Core.LabelingFunctions;
            public static class Lfs
            {
                public static int Short(LabelingFunctionDocument d) => d.Text.Length < 5 ? 0 : -1;
                public static string? Shout(LabelingFunctionDocument d) => d.Text.EndsWith('!') ? "spam" : null;
                public static int? Nothing(LabelingFunctionDocument d) => null;
                public static int NotAnLf(string s) => 0;
                private static int Hidden(LabelingFunctionDocument d) => 1;
            }
            namespace Rules { public static class More { public static int Long(LabelingFunctionDocument d) => d.Text.Length > 50 ? 1 : -1; } }
            """;
        var (functions, errors) = CSharpLabelingFunctionCompiler.Compile("lfs.cs", source);
        Assert.Empty(errors);
        Assert.Equal(["Short", "Shout", "Nothing", "Long"], functions.Select(f => f.Method));
        Assert.Equal([CSharpReturnKind.Index, CSharpReturnKind.Name, CSharpReturnKind.NullableIndex, CSharpReturnKind.Index], functions.Select(f => f.Returns));
        Assert.Equal(["Lfs", "Lfs", "Lfs", "Rules.More"], functions.Select(f => f.TypeName));
        Assert.NotEmpty(functions[0].File.Image);
    }

    [Fact]
    public void Compile_errors_carry_file_line_and_column()
    {
        var (functions, errors) = CSharpLabelingFunctionCompiler.Compile("bad.cs", "public static class X {\n  public static int F(Labelforge.Core.LabelingFunctions.LabelingFunctionDocument d) => d.Nope;\n}");
        Assert.Empty(functions);
        var error = Assert.Single(errors);
        Assert.Equal(("bad.cs", 2), (error.File, error.Line));
        Assert.True(error.Column > 1);
        Assert.Contains("Nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_declaring_functions_on_the_former_name_LfDocument_still_compile()
    {
        const string source = """
            using Labelforge.Core.LabelingFunctions;
            public static class Old { public static int Short(LfDocument d) => d.Text.Length < 5 ? 0 : -1; }
            """;
        var (functions, errors) = CSharpLabelingFunctionCompiler.Compile("old.cs", source);
        Assert.Empty(errors);
        Assert.Equal("Short", Assert.Single(functions).Method);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText(\"/etc/passwd\").Length", "System.IO.File")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\").Id", "System.Diagnostics.Process")]
    [InlineData("new System.Net.Http.HttpClient().GetHashCode()", "System.Net.Http.HttpClient")]
    [InlineData("System.Environment.GetEnvironmentVariable(\"HOME\")!.Length", "System.Environment")]
    [InlineData("typeof(string).Assembly.GetTypes().Length", "System.Type.Assembly")]
    [InlineData("d.GetType().GetMethods().Length", "System.Type.GetMethods")]
    [InlineData("System.AppDomain.CurrentDomain.Id", "System.AppDomain")]
    [InlineData("System.Runtime.InteropServices.Marshal.SizeOf<int>()", "System.Runtime.InteropServices.Marshal")]
    [InlineData("new System.Threading.Thread(() => { }).ManagedThreadId", "System.Threading.Thread")]
    [InlineData("new System.Exception().TargetSite!.Name.Length", "TargetSite")]
    public void Code_reaching_files_network_processes_or_reflection_is_refused_before_it_runs(string expression, string named)
    {
        var source = $$"""
            using Labelforge.Core.LabelingFunctions;
            public static class Sneaky { public static int F(LabelingFunctionDocument d) => {{expression}}; }
            """;
        var (functions, errors) = CSharpLabelingFunctionCompiler.Compile("sneaky.cs", source);
        Assert.Empty(functions);
        var error = Assert.Single(errors, e => e.Message.Contains(named, StringComparison.Ordinal));
        Assert.StartsWith("LF0001: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Aliases_native_imports_and_unsafe_code_are_refused_too()
    {
        const string source = """
            using F = System.IO.File;
            using System.Runtime.InteropServices;
            using Labelforge.Core.LabelingFunctions;
            public static class Sneaky
            {
                [DllImport("libc")] private static extern int getpid();
                public static int A(LabelingFunctionDocument d) => F.Exists("/etc/passwd") ? 1 : 0;
                public static unsafe int B(LabelingFunctionDocument d) { int x = 0; int* p = &x; return *p; }
            }
            """;
        var (functions, errors) = CSharpLabelingFunctionCompiler.Compile("sneaky.cs", source);
        Assert.Empty(functions);
        Assert.NotEmpty(errors);
        var unsafeOnly = CSharpLabelingFunctionCompiler.Compile("u.cs",
            "public static class U { public static unsafe int B(Labelforge.Core.LabelingFunctions.LabelingFunctionDocument d) { int x = 0; int* p = &x; return *p; } }");
        Assert.Contains(unsafeOnly.Errors, e => e.Message.StartsWith("CS0227", StringComparison.Ordinal));
        var aliasOnly = CSharpLabelingFunctionCompiler.Compile("a.cs",
            "using F = System.IO.File;\npublic static class A { public static int B(Labelforge.Core.LabelingFunctions.LabelingFunctionDocument d) => F.Exists(\"x\") ? 1 : 0; }");
        Assert.Contains(aliasOnly.Errors, e => e.Message.Contains("System.IO.File", StringComparison.Ordinal));
        var native = CSharpLabelingFunctionCompiler.Compile("n.cs",
            "public static class N { [System.Runtime.InteropServices.DllImport(\"libc\")] public static extern int getpid(); public static int B(Labelforge.Core.LabelingFunctions.LabelingFunctionDocument d) => 0; }");
        Assert.Contains(native.Errors, e => e.Message.Contains("extern", StringComparison.Ordinal));
    }

    [Fact]
    public void Ordinary_text_json_regex_and_linq_code_is_allowed()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text.Json;
            using System.Text.RegularExpressions;
            using Labelforge.Core.LabelingFunctions;
            public static class Fine
            {
                private static readonly Dictionary<string, int> Seen = new();
                public static string? A(LabelingFunctionDocument d) =>
                    d.Text.Split(' ').Where(w => w.Length > 3).Select(w => w.ToUpperInvariant()).Any(w => Regex.IsMatch(w, "^FREE")) ? "spam" : null;
                public static int B(LabelingFunctionDocument d) =>
                    d.Fields.ValueKind == JsonValueKind.Object && d.FieldNumber("likes") > 10 ? 0 : Math.Min(-1, new System.Text.StringBuilder("x").Length);
                public static int C(LabelingFunctionDocument d) => typeof(Fine).Name.Length + d.GetType().Name.Length > 0 ? -1 : 0;
            }
            """;
        var (functions, errors) = CSharpLabelingFunctionCompiler.Compile("fine.cs", source);
        Assert.Empty(errors);
        Assert.Equal(3, functions.Count);
    }
}
