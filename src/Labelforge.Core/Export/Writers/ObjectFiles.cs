namespace Labelforge.Core.Export.Writers;

/// <summary>Where a folder export puts an image's annotation file: its relative path with the format's extension, inside the folder.</summary>
internal static class ObjectFiles
{
    public static string PathFor(string folder, string image, string extension)
    {
        var relative = image.Replace('\\', '/');
        if (Path.IsPathRooted(relative) || relative.Split('/').Contains(".."))
            relative = relative.Split('/')[^1];
        var path = Path.Combine(folder, Path.ChangeExtension(relative, extension));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
