using System.Globalization;
using Labelforge.Cli.Output;
using Labelforge.Core.Csv;
using Labelforge.Engine.Consensus;

namespace Labelforge.Cli.Consensus;

/// <summary>Reads an answers file (a header row, then one row per answer) into an <see cref="AnswerTable"/>.</summary>
public static class AnswersCsvReader
{
    public static AnswerTable Read(string path, CsvLayout layout)
    {
        if (!File.Exists(path))
            throw new CliException($"{path}: file not found");
        using var stream = new StreamReader(path);
        var csv = new CsvRecordReader(stream, layout.Delimiter);
        var header = CsvHeader.Read(csv, path, "item,annotator,label");
        var annotatorColumn = layout.AnnotatorColumn
            ?? (header.Find(CsvLayout.DefaultAnnotatorColumn) < 0 && header.Find(CsvLayout.FallbackAnnotatorColumn) >= 0
                ? CsvLayout.FallbackAnnotatorColumn : CsvLayout.DefaultAnnotatorColumn);
        int itemAt = header.Require(layout.ItemColumn, "--item-column"),
            annotatorAt = header.Require(annotatorColumn, "--annotator-column"),
            labelAt = header.Require(layout.LabelColumn, "--label-column");
        var needed = Math.Max(itemAt, Math.Max(annotatorAt, labelAt)) + 1;
        NameInterner items = new(), annotators = new(), labels = new();
        List<int> itemIds = [], annotatorIds = [], labelIds = [], firstLines = [];
        var skipped = 0;
        while (ReadRecord(csv, path))
        {
            if (csv.IsBlank)
                continue;
            if (csv.FieldCount < needed)
                throw new CliException($"{path}: line {csv.Line}: expected at least {needed} fields, found {csv.FieldCount}; check the delimiter (--delimiter) and quoting");
            if (csv.Field(labelAt).IsEmpty)
            {
                skipped++;
                continue;
            }
            itemIds.Add(items.Intern(NonEmpty(csv, itemAt, path, header.Names[itemAt])));
            annotatorIds.Add(annotators.Intern(NonEmpty(csv, annotatorAt, path, header.Names[annotatorAt])));
            var label = labels.Intern(csv.Field(labelAt));
            if (label == firstLines.Count)
                firstLines.Add((int)csv.Line);
            labelIds.Add(label);
        }
        if (itemIds.Count == 0)
            throw new CliException($"{path}: no answers after the header; add one row per answer ({layout.ItemColumn},{annotatorColumn},{layout.LabelColumn})");
        return Build(path, items, annotators, labels, (itemIds, annotatorIds, labelIds, firstLines), skipped);
    }

    private static AnswerTable Build(
        string path, NameInterner items, NameInterner annotators, NameInterner labels,
        (List<int> Items, List<int> Annotators, List<int> Labels, List<int> FirstLines) rows, int skipped)
    {
        var (order, values) = LabelOrder(labels.Names);
        var rank = new int[order.Length];
        for (var r = 0; r < order.Length; r++)
            rank[order[r]] = r;
        var labelArray = new int[rows.Labels.Count];
        for (var a = 0; a < labelArray.Length; a++)
            labelArray[a] = rank[rows.Labels[a]];
        var answers = new CrowdAnswers([.. rows.Items], [.. rows.Annotators], labelArray, items.Count, annotators.Count, labels.Count);
        return new AnswerTable
        {
            Path = path,
            Answers = answers,
            ItemNames = [.. items.Names],
            AnnotatorNames = [.. annotators.Names],
            LabelNames = [.. order.Select(o => labels.Names[o])],
            LabelValues = values,
            LabelFirstLines = [.. order.Select(o => rows.FirstLines[o])],
            SkippedRows = skipped,
        };
    }

    /// <summary>Label order: by number when every label is one (so "lowest" and ordinal mean what they say), else ordinal by text.</summary>
    private static (int[] Order, double[]? Values) LabelOrder(List<string> names)
    {
        var parsed = new double[names.Count];
        var numeric = true;
        for (var l = 0; l < names.Count && numeric; l++)
            numeric = double.TryParse(names[l], NumberStyles.Float, CultureInfo.InvariantCulture, out parsed[l]) && double.IsFinite(parsed[l]);
        var order = Enumerable.Range(0, names.Count).ToArray();
        if (!numeric)
        {
            Array.Sort(order, (a, b) => string.CompareOrdinal(names[a], names[b]));
            return (order, null);
        }
        Array.Sort(order, (a, b) => parsed[a] != parsed[b] ? parsed[a].CompareTo(parsed[b]) : string.CompareOrdinal(names[a], names[b]));
        return (order, [.. order.Select(o => parsed[o])]);
    }

    private static ReadOnlySpan<char> NonEmpty(CsvRecordReader csv, int index, string path, string column)
    {
        var field = csv.Field(index);
        if (field.IsEmpty)
            throw new CliException($"{path}: line {csv.Line}, field '{column}': empty value; every answer needs an item and an annotator");
        return field;
    }

    /// <summary>Moves to the next record; a quote strict RFC 4180 refuses is an error naming the line.</summary>
    internal static bool ReadRecord(CsvRecordReader csv, string path)
    {
        if (!csv.ReadRecord())
            return false;
        if (csv.UnclosedQuoteLine > 0)
            throw new CliException($"{path}: line {csv.Line}: a quoted field opened on line {csv.UnclosedQuoteLine} is never closed (a \" is missing)");
        if (csv.CharAfterQuote != '\0')
            throw new CliException($"{path}: line {csv.Line}: unexpected '{csv.CharAfterQuote}' after a closing quote (write \"\" for a quote inside a quoted field)");
        return true;
    }
}
