using Labelforge.Core.LabelingFunctions.Sets;

namespace Labelforge.Core.Tests.LabelingFunctions.Sets;

/// <summary>A confined set (the server's) reads files inside its folder only, and its errors name no server path nor quote a file.</summary>
public sealed class LabelingFunctionFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lf-files-").FullName;
    private readonly string _folder;

    public LabelingFunctionFilesTests()
    {
        _folder = Directory.CreateDirectory(Path.Combine(_root, "lf-files")).FullName;
        Directory.CreateDirectory(Path.Combine(_folder, "lists"));
        File.WriteAllText(Path.Combine(_folder, "lists", "brands.txt"), "acme\nglobex\n");
        File.WriteAllText(Path.Combine(_root, "secret.txt"), "root:x:0:0:SECRET-CONTENT\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private LabelingFunctionSetLoadResult Load(string kind, string file) => LabelingFunctionSetLoader.LoadText(
        $"labels: [ham, spam]\nfunctions:\n  - {{name: f, kind: {kind}, file: '{file}'{(kind == "lookup" ? ", label: spam" : "")}}}\n",
        "set.yaml", LabelingFunctionFiles.Inside(_folder));

    [Fact]
    public void Files_inside_the_folder_are_read()
    {
        var result = Load("lookup", "lists/brands.txt");
        Assert.Empty(result.Errors);
        Assert.Equal("f", Assert.Single(result.Set!.Functions).Name);
    }

    [Theory]
    [InlineData("lookup", "../secret.txt")]
    [InlineData("csharp", "../secret.txt")]
    [InlineData("csharp", "lists/../../secret.txt")]
    [InlineData("lookup", "/etc/passwd")]
    [InlineData("csharp", "/etc/passwd")]
    [InlineData("lookup", "missing.txt")]
    public void Escaping_absolute_and_missing_paths_are_refused_without_contents_or_server_paths(string kind, string file)
    {
        var result = Load(kind, file);
        Assert.Null(result.Set);
        var error = Assert.Single(result.Errors);
        Assert.Contains($"'{file}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_root, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_leading_out_of_the_folder_is_refused_and_one_inside_it_is_followed()
    {
        File.CreateSymbolicLink(Path.Combine(_folder, "out.txt"), Path.Combine(_root, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_folder, "up"), _root);
        File.CreateSymbolicLink(Path.Combine(_folder, "in.txt"), Path.Combine(_folder, "lists", "brands.txt"));
        Assert.Contains("link", Assert.Single(Load("csharp", "out.txt").Errors).Message, StringComparison.Ordinal);
        Assert.Contains("link", Assert.Single(Load("lookup", "up/secret.txt").Errors).Message, StringComparison.Ordinal);
        Assert.Empty(Load("lookup", "in.txt").Errors);
    }

    [Fact]
    public void Compile_errors_of_a_file_inside_the_folder_name_it_as_written()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.cs"), "public static class X { public static int F(LfDocument d) => d.Nope; }");
        var error = Assert.Single(Load("csharp", "bad.cs").Errors);
        Assert.Equal("bad.cs", error.File);
    }

    [Fact]
    public void Local_sets_keep_reading_paths_relative_to_their_folder()
    {
        var result = LabelingFunctionSetLoader.LoadText("labels: [ham, spam]\nfunctions:\n  - {name: f, kind: lookup, file: '../secret.txt', label: spam}\n",
            "set.yaml", LabelingFunctionFiles.Local(_folder));
        Assert.Empty(result.Errors);
    }
}
