using System.CommandLine;

namespace Labelforge.Cli.Output;

/// <summary>Options every command shares, built fresh per command (System.CommandLine options are not shareable).</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print a machine-readable JSON summary on stdout." };

    public static Option<string> Db() => new("--db")
    {
        Description = "Path of the SQLite project database.",
        DefaultValueFactory = _ => "labelforge.db",
    };

    public static Option<string?> Media() => new("--media")
    {
        Description = "Folder of the media store (item images); default: beside the database (labelforge.db -> labelforge.media).",
    };

    /// <summary>The media folder the --media option names, or the default beside <paramref name="db"/>.</summary>
    public static string MediaFolder(string? media, string db) => media ?? Core.Media.FolderMediaStore.BesideDatabase(db);

    public static Option<int> Seed(int defaultSeed = 42) => new("--seed")
    {
        Description = "Seed for every random choice, so runs are reproducible.",
        DefaultValueFactory = _ => defaultSeed,
    };
}
