using Labelforge.Core.LabelingFunctions.Sets;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>
/// Where each function of an LF set's YAML starts and ends, and which file it names, so a loader error can be
/// attributed to its function by line (or, for errors inside a referenced file, by that file's name).
/// </summary>
internal sealed class LabelingFunctionSetOutline
{
    private readonly List<(int First, int Last, string Name, string? File)> _functions = [];

    private LabelingFunctionSetOutline()
    {
    }

    /// <summary>The names under `labels:` (empty when missing or malformed).</summary>
    public IReadOnlyList<string> Labels { get; private set; } = [];

    /// <summary>The line of `labels:` (1 when missing), where label problems are shown.</summary>
    public int LabelsLine { get; private set; } = 1;

    public static LabelingFunctionSetOutline Read(string yaml)
    {
        var outline = new LabelingFunctionSetOutline();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return outline; // the loader reports the syntax error itself
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return outline;
        if (root.Children.TryGetValue(new YamlScalarNode("labels"), out var labels) && labels is YamlSequenceNode labelList)
        {
            outline.Labels = [.. labelList.OfType<YamlScalarNode>().Select(n => n.Value ?? "")];
            outline.LabelsLine = (int)labels.Start.Line;
        }
        if (!root.Children.TryGetValue(new YamlScalarNode("functions"), out var node) || node is not YamlSequenceNode list)
            return outline;
        // A node's End mark is that of its start event, so a function spans from its line to the next function's.
        var items = list.OfType<YamlMappingNode>().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var last = i + 1 < items.Count ? (int)items[i + 1].Start.Line - 1 : int.MaxValue;
            if (Scalar(items[i], "name") is { } name)
                outline._functions.Add(((int)items[i].Start.Line, last, name, Scalar(items[i], "file")));
        }
        return outline;
    }

    public LabelingFunctionSetProblem Place(LabelingFunctionSetError error, string yamlPath)
    {
        if (!string.Equals(error.File, yamlPath, StringComparison.Ordinal))
        {
            var fileName = Path.GetFileName(error.File);
            var owner = _functions.FirstOrDefault(f => f.File is not null && string.Equals(Path.GetFileName(f.File), fileName, StringComparison.Ordinal));
            return new LabelingFunctionSetProblem(error.Line, error.Column, owner.Name, error.File, error.Message);
        }
        var function = error.Line <= 0 ? null : _functions.LastOrDefault(f => f.First <= error.Line && error.Line <= f.Last).Name;
        return new LabelingFunctionSetProblem(error.Line, error.Column, function, null, error.Message);
    }

    /// <summary>The line a function starts on (a C# function NAME.Method: its NAME's), or 0 when the outline has no such function.</summary>
    public int LineOf(string function)
    {
        var name = _functions.Any(f => f.Name == function) ? function : function.Split('.')[0];
        return _functions.FirstOrDefault(f => f.Name == name).First;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
