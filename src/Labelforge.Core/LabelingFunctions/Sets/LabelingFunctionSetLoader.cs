using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Labelforge.Core.LabelingFunctions.Sets;

/// <summary>
/// Reads a labeling-function set from YAML: <c>labels: [..]</c> and <c>functions: [..]</c>, each function a
/// mapping with <c>name</c>, <c>kind</c> and the kind's keys (see <see cref="LabelingFunctionDefinitionParser"/>). Files the
/// set refers to (gazetteers, C# sources) resolve against the YAML file's folder, or only inside the given
/// <see cref="LabelingFunctionFiles"/> folder when confined (the server). Every problem is returned
/// with its line and column, not only the first.
/// </summary>
public static class LabelingFunctionSetLoader
{
    public static LabelingFunctionSetLoadResult Load(string path)
    {
        if (!File.Exists(path))
            return new LabelingFunctionSetLoadResult(null, [new LabelingFunctionSetError(path, 0, 0, "file not found; pass the path of a labeling-function YAML file")]);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return LoadText(File.ReadAllText(path), path, directory);
    }

    /// <summary>Loads a set from <paramref name="yaml"/>; <paramref name="spans"/>: for a text-spans project, where one label is enough.</summary>
    public static LabelingFunctionSetLoadResult LoadText(string yaml, string path, LabelingFunctionFiles files, bool spans = false)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            return Fail(new LabelingFunctionSetError(path, (int)ex.Start.Line, (int)ex.Start.Column, $"invalid YAML: {ex.InnerException?.Message ?? ex.Message}"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser throws this, not a YamlException, when the text ends inside a flow [..] or {..}.
            return Fail(new LabelingFunctionSetError(path, yaml.TrimEnd().Split('\n').Length, 1, "invalid YAML: the text ends inside a [ ] or { }; close the bracket"));
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return Fail(new LabelingFunctionSetError(path, 1, 1, "expected a mapping with `labels:` and `functions:`"));
        var errors = new List<LabelingFunctionSetError>();
        var context = new LabelingFunctionParseContext(path, files, errors);
        var labels = context.Labels(root, spans);
        if (labels is null)
            return new LabelingFunctionSetLoadResult(null, errors);
        var functions = new List<LabelingFunction>();
        if (LabelingFunctionParseContext.Child(root, "functions") is not YamlSequenceNode list)
        {
            context.Error(root, "missing `functions:` (a list of labeling functions)");
            return new LabelingFunctionSetLoadResult(null, errors);
        }
        foreach (var item in list)
            functions.AddRange(LabelingFunctionDefinitionParser.Parse(item, labels, context));
        foreach (var duplicate in functions.GroupBy(f => f.Name).Where(g => g.Count() > 1))
            errors.Add(new LabelingFunctionSetError(path, 0, 0, $"duplicate function name '{duplicate.Key}'; names must be unique"));
        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("labels" or "functions")))
            context.Error(key, $"unknown key '{key.Value}'; a set has only `labels` and `functions`");
        return errors.Count > 0 ? new LabelingFunctionSetLoadResult(null, errors) : new LabelingFunctionSetLoadResult(new LabelingFunctionSet(labels, functions), []);
    }

    private static LabelingFunctionSetLoadResult Fail(LabelingFunctionSetError error) => new(null, [error]);
}
