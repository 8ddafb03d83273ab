using System.Text.Json;
using Labelforge.Cli.Output;
using Labelforge.Training.ActiveLearning;

namespace Labelforge.Cli.ActiveLearning;

/// <summary>
/// Reads the `--split` file of `al simulate`: a JSON object whose `pool` and `test` arrays hold 0-based data rows of
/// the input (other fields are ignored), as the reference splits under shared/datasets/*/reference/split.json do.
/// `--init-items` adds the rows labeled before the first query.
/// </summary>
internal static class SplitFileReader
{
    public static SimulationSplit Read(string path, string? initItems, int itemCount)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot read the split file: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new CliException($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
        using (document)
        {
            var split = new SimulationSplit(Ids(path, document.RootElement, "pool"), Ids(path, document.RootElement, "test"), InitItems(initItems));
            if (split.Problem(itemCount) is { } problem)
                throw new CliException($"{path}: {problem}");
            return split;
        }
    }

    private static int[] Ids(string path, JsonElement root, string field)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new CliException($"{path}: field '{field}' is missing; a split file is a JSON object with 'pool' and 'test' arrays of 0-based data rows");
        var ids = new List<int>();
        foreach (var e in array.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var id))
                throw new CliException($"{path}: '{field}' item {ids.Count} is {e.GetRawText()}, not a row number");
            ids.Add(id);
        }
        return [.. ids];
    }

    private static int[]? InitItems(string? list)
    {
        if (list is null)
            return null;
        return [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, out var id) ? id : throw new CliException($"--init-items: '{s}' is not a row number; give comma-separated 0-based data rows"))];
    }
}
