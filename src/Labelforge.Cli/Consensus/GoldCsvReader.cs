using Labelforge.Cli.Output;
using Labelforge.Core.Csv;
using Labelforge.Engine;

namespace Labelforge.Cli.Consensus;

/// <summary>
/// Reads gold labels (a header, then item and label columns). The label column defaults to "label" and falls
/// back to "gold" when the header has no "label". An item may repeat only with the same label.
/// </summary>
public static class GoldCsvReader
{
    public static GoldLabels Read(string path, AnswerTable answers, char delimiter, string itemColumn, string? labelColumn)
    {
        if (!File.Exists(path))
            throw new CliException($"{path}: file not found");
        using var stream = new StreamReader(path);
        var csv = new CsvRecordReader(stream, delimiter);
        var header = CsvHeader.Read(csv, path, "item,label");
        var itemAt = header.Require(itemColumn, "--gold-item-column");
        var labelAt = labelColumn is not null ? header.Require(labelColumn, "--gold-label-column")
            : header.Find("label") >= 0 ? header.Find("label") : header.Require("gold", "--gold-label-column");
        var items = Index(answers.ItemNames);
        var labels = Index(answers.LabelNames);
        var gold = Enumerable.Repeat(LabelIndex.Abstain, answers.ItemNames.Length).ToArray();
        var seen = new Dictionary<int, string>();
        var withoutAnswers = 0;
        var needed = Math.Max(itemAt, labelAt) + 1;
        while (AnswersCsvReader.ReadRecord(csv, path))
        {
            if (csv.IsBlank)
                continue;
            if (csv.FieldCount < needed)
                throw new CliException($"{path}: line {csv.Line}: expected at least {needed} fields, found {csv.FieldCount}; check the delimiter and quoting");
            var label = csv.FieldString(labelAt);
            if (label.Length == 0)
                continue;
            if (!items.TryGetValue(csv.FieldString(itemAt), out var item))
            {
                withoutAnswers++;
                continue;
            }
            if (seen.TryGetValue(item, out var previous) && previous != label)
                throw new CliException($"{path}: line {csv.Line}, field '{header.Names[labelAt]}': item '{answers.ItemNames[item]}' has gold '{previous}' and '{label}'; keep one");
            seen[item] = label;
            gold[item] = labels.TryGetValue(label, out var index) ? index : LabelIndex.Abstain;
        }
        return new GoldLabels
        {
            Labels = gold,
            ItemCount = seen.Count,
            UnseenLabelItems = seen.Count(s => !labels.ContainsKey(s.Value)),
            ItemsWithoutAnswers = withoutAnswers,
        };
    }

    private static Dictionary<string, int> Index(string[] names)
    {
        var map = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
            map[names[i]] = i;
        return map;
    }
}
