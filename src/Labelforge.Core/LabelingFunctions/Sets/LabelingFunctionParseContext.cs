using YamlDotNet.RepresentationModel;

namespace Labelforge.Core.LabelingFunctions.Sets;

/// <summary>Shared state of one set being parsed: its file, folder and the errors found so far, with YAML helpers.</summary>
public sealed class LabelingFunctionParseContext(string path, LabelingFunctionFiles files, List<LabelingFunctionSetError> errors)
{
    public string Path { get; } = path;

    public LabelingFunctionFiles Files { get; } = files;

    public void Error(YamlNode node, string message) =>
        errors.Add(new LabelingFunctionSetError(Path, (int)node.Start.Line, (int)node.Start.Column, message));

    public void Error(LabelingFunctionSetError error) => errors.Add(error);

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? Scalar(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        if (node is null)
            return null;
        if (node is YamlScalarNode scalar)
            return scalar.Value;
        Error(node, $"`{key}` must be a single value");
        return null;
    }

    public bool Flag(YamlMappingNode map, string key, bool fallback)
    {
        var text = Scalar(map, key);
        if (text is null)
            return fallback;
        if (bool.TryParse(text, out var value))
            return value;
        Error(Child(map, key)!, $"`{key}` must be true or false, not '{text}'");
        return fallback;
    }

    public List<string>? Strings(YamlMappingNode map, string key)
    {
        switch (Child(map, key))
        {
            case null:
                return null;
            case YamlSequenceNode list when list.All(n => n is YamlScalarNode):
                return [.. list.Cast<YamlScalarNode>().Select(n => n.Value ?? "")];
            case YamlScalarNode single:
                return [single.Value ?? ""];
            case var node:
                Error(node, $"`{key}` must be a list of strings, e.g. [free, win]");
                return null;
        }
    }

    /// <summary>
    /// The set's label names: at least two for votes (a label model tells classes apart), at least one for spans
    /// (<paramref name="spans"/>: a gazetteer of places marks places, and not marking is the other answer).
    /// </summary>
    public List<string>? Labels(YamlMappingNode root, bool spans = false)
    {
        var labels = Strings(root, "labels");
        if (labels is null || labels.Count < (spans ? 1 : 2))
        {
            Error(Child(root, "labels") ?? root, spans
                ? "`labels:` must list at least one label name, e.g. labels: [person, location]"
                : "`labels:` must list at least two label names, e.g. labels: [ham, spam]");
            return null;
        }
        if (labels.Distinct(StringComparer.OrdinalIgnoreCase).Count() != labels.Count)
        {
            Error(Child(root, "labels")!, "`labels:` has a duplicate name (names compare case-insensitively)");
            return null;
        }
        return labels;
    }

    /// <summary>
    /// Reads a file the set refers to, relative to <see cref="Files"/>; reports a missing or refused file at <paramref name="node"/>.
    /// The returned path names the file in errors: the full path for local files, the path as written when confined.
    /// </summary>
    public (string Path, string Text)? ReadFile(YamlNode node, string relative)
    {
        var (full, refusal) = Files.Resolve(relative);
        if (full is null)
        {
            Error(node, $"file '{relative}' {refusal}");
            return null;
        }
        if (!File.Exists(full))
        {
            Error(node, Files.Confined
                ? $"file '{relative}' not found in the LF files folder; paths are relative to it"
                : $"file '{relative}' not found (looked in {full}); paths are relative to the YAML file");
            return null;
        }
        if (Files.Confined && new FileInfo(full).Length > LabelingFunctionFiles.MaxFileBytes)
        {
            Error(node, $"file '{relative}' is larger than {LabelingFunctionFiles.MaxFileBytes >> 20} MB");
            return null;
        }
        return (Files.Confined ? relative : full, File.ReadAllText(full));
    }
}
