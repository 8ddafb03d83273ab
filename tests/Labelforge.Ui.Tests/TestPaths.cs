namespace Labelforge.Ui.Tests;

/// <summary>Finds the repository root (the folder holding Labelforge.slnx) and the shared datasets beside it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Datasets => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "datasets"));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Labelforge.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Labelforge.slnx not found above " + AppContext.BaseDirectory);
    }
}
