using Labelforge.Core.LabelingFunctions;
using Labelforge.Core.LabelingFunctions.Functions;
using Labelforge.Engine;

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
            """;
        var (functions, errors) = CSharpLabelingFunctionCompiler.Compile("lfs.cs", source, ["ham", "spam"]);
        Assert.Empty(errors);
        Assert.Equal(["Short", "Shout", "Nothing"], functions.Select(f => f.Method));
        Assert.Equal(0, functions[0].Body(new LabelingFunctionDocument("hi")));
        Assert.Equal(1, functions[1].Body(new LabelingFunctionDocument("buy now!")));
        Assert.Equal(LabelIndex.Abstain, functions[2].Body(new LabelingFunctionDocument("x")));
    }

    [Fact]
    public void Compile_errors_carry_file_line_and_column()
    {
        var (functions, errors) = CSharpLabelingFunctionCompiler.Compile("bad.cs", "public static class X {\n  public static int F(Labelforge.Core.LabelingFunctions.LabelingFunctionDocument d) => d.Nope;\n}", ["a", "b"]);
        Assert.Empty(functions);
        var error = Assert.Single(errors);
        Assert.Equal(("bad.cs", 2), (error.File, error.Line));
        Assert.True(error.Column > 1);
        Assert.Contains("Nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_label_name_throws_so_the_applier_counts_a_fault()
    {
        var (functions, _) = CSharpLabelingFunctionCompiler.Compile("lfs.cs",
            "public static class X { public static string F(Labelforge.Core.LabelingFunctions.LabelingFunctionDocument d) => \"eggs\"; }", ["a", "b"]);
        Assert.Throws<InvalidOperationException>(() => functions[0].Body(new LabelingFunctionDocument("x")));
    }

    [Fact]
    public void Files_declaring_functions_on_the_former_name_LfDocument_still_compile()
    {
        const string source = """
            using Labelforge.Core.LabelingFunctions;
            public static class Old { public static int Short(LfDocument d) => d.Text.Length < 5 ? 0 : -1; }
            """;
        var (functions, errors) = CSharpLabelingFunctionCompiler.Compile("old.cs", source, ["ham", "spam"]);
        Assert.Empty(errors);
        Assert.Equal(0, Assert.Single(functions).Body(new LabelingFunctionDocument("hi")));
    }
}
