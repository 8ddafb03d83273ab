using YamlDotNet.RepresentationModel;

namespace Labelforge.Core.Import.Readers.Objects;

/// <summary>
/// The class names of a YOLO folder: classes.txt or obj.names (one name a line) in the folder or its parent, else
/// the "names" of a data.yaml (a list, or a map of index to name, Ultralytics style) in the folder, its parent or
/// its grandparent (dataset/data.yaml beside dataset/labels/train). Class index i is the i-th name.
/// </summary>
public static class YoloClasses
{
    /// <summary>Names of the files that hold classes, not labels.</summary>
    public static readonly string[] FileNames = ["classes.txt", "obj.names"];

    public static (IReadOnlyList<string>? Names, string File, string? Problem) Read(string folder)
    {
        var full = Path.GetFullPath(folder);
        var parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar));
        var grandparent = parent is null ? null : Path.GetDirectoryName(parent);
        foreach (var dir in new[] { full, parent })
        {
            foreach (var name in FileNames)
            {
                var file = dir is null ? null : Path.Combine(dir, name);
                if (file is not null && File.Exists(file))
                {
                    var lines = File.ReadAllLines(file).Select(l => l.Trim()).ToList();
                    while (lines.Count > 0 && lines[^1].Length == 0)
                        lines.RemoveAt(lines.Count - 1);
                    var empty = lines.FindIndex(l => l.Length == 0);
                    return empty >= 0 ? (null, file, $"line {empty + 1} is empty; every line names the class of its index (line 1 = class 0)") : (lines, file, null);
                }
            }
        }
        foreach (var dir in new[] { full, parent, grandparent })
        {
            var file = dir is null ? null : Path.Combine(dir, "data.yaml");
            if (file is not null && File.Exists(file))
                return Yaml(file);
        }
        return (null, folder, "no classes file: put classes.txt (one class name a line, line 1 = class 0), obj.names or a data.yaml with \"names\" in the folder");
    }

    private static (IReadOnlyList<string>? Names, string File, string? Problem) Yaml(string file)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(file);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            return (null, file, $"not valid YAML at line {e.Start.Line}: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("names"), out var names))
            return (null, file, "data.yaml has no \"names\" (a list of class names, or a map of class index to name)");
        if (names is YamlSequenceNode list)
            return (list.Children.Select(n => ((n as YamlScalarNode)?.Value ?? "").Trim()).ToArray(), file, null);
        if (names is YamlMappingNode map)
        {
            var byIndex = new SortedDictionary<int, string>();
            foreach (var (key, value) in map.Children)
            {
                if (!int.TryParse((key as YamlScalarNode)?.Value, out var index) || index < 0)
                    return (null, file, $"\"names\" key '{key}' is not a class index (0, 1, ...)");
                byIndex[index] = ((value as YamlScalarNode)?.Value ?? "").Trim();
            }
            if (byIndex.Count > 0 && byIndex.Keys.Last() != byIndex.Count - 1)
                return (null, file, "\"names\" must give every class index from 0 without gaps");
            return (byIndex.Values.ToArray(), file, null);
        }
        return (null, file, "\"names\" must be a list of class names or a map of class index to name");
    }
}
