namespace Labelforge.Core.LabelingFunctions.Sets;

/// <summary>
/// Where the files a set names (<c>file:</c> of lookup and csharp functions) are read. Local (the CLI on its own YAML files):
/// any path relative to <see cref="Folder"/>. <see cref="Confined"/> (the server): only files inside <see cref="Folder"/> —
/// absolute paths, <c>..</c> segments and symbolic links leading out are refused, files over
/// <see cref="MaxFileBytes"/> too, and errors name the path as written, never the server's full path.
/// </summary>
public sealed record LabelingFunctionFiles(string Folder, bool Confined)
{
    public const long MaxFileBytes = 16L << 20;

    public static LabelingFunctionFiles Local(string folder) => new(folder, false);

    public static LabelingFunctionFiles Inside(string folder) => new(folder, true);

    /// <summary>A plain folder: local files (the CLI, tests).</summary>
    public static implicit operator LabelingFunctionFiles(string folder) => Local(folder);

    /// <summary>The full path of <paramref name="relative"/> when it may be read, else why not (a message that names no server path).</summary>
    public (string? Path, string? Refusal) Resolve(string relative)
    {
        if (!Confined)
            return (System.IO.Path.GetFullPath(System.IO.Path.Combine(Folder, relative)), null);
        if (System.IO.Path.IsPathRooted(relative) || relative.Contains(':', StringComparison.Ordinal))
            return (null, "must be a path relative to the LF files folder, not an absolute path");
        var segments = relative.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(s => s == ".."))
            return (null, "must stay inside the LF files folder (no `..`)");
        var root = System.IO.Path.GetFullPath(Folder);
        var real = RealFolder(root);
        var current = root;
        foreach (var segment in segments)
        {
            current = System.IO.Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is null)
                continue;
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !Inside(real, RealFolder(target.FullName)))
                return (null, "is a link that leads out of the LF files folder");
        }
        return (current, null);
    }

    private static string RealFolder(string path)
    {
        var info = new DirectoryInfo(path);
        return info.LinkTarget is not null && info.ResolveLinkTarget(true) is { } target ? target.FullName : info.FullName;
    }

    private static bool Inside(string folder, string path)
    {
        var prefix = folder.EndsWith(System.IO.Path.DirectorySeparatorChar) ? folder : folder + System.IO.Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal) || path == folder;
    }
}
