using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Labelforge.Core.Csv;
using Labelforge.Engine;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// The file form of a label matrix: a header row of column names, then one row per item of ints
/// (-1 = abstain, 0..k-1 = label index). Also reads gold files (header <c>label</c>, one int per row, -1 = unknown).
/// </summary>
public static class LabelMatrixCsv
{
    public static void Write(TextWriter writer, LabelMatrix matrix, IReadOnlyList<string> names)
    {
        writer.WriteLine(CsvText.Row(names));
        // One row formatted into a reused buffer, one write per row: "-32768," is the widest cell.
        var newLine = writer.NewLine;
        var line = new char[(matrix.Columns * 7) + newLine.Length];
        for (var i = 0; i < matrix.Rows; i++)
        {
            var row = matrix.Row(i);
            var length = 0;
            for (var j = 0; j < row.Length; j++)
            {
                if (j > 0)
                    line[length++] = ',';
                // Abstain and single-digit labels, nearly every cell, without the general formatter (framework code
                // a ReadyToRun build calls, never inlines, once per cell).
                var cell = row[j];
                if (cell == LabelIndex.Abstain)
                {
                    line[length++] = '-';
                    line[length++] = '1';
                }
                else if ((uint)cell <= 9)
                {
                    line[length++] = (char)('0' + cell);
                }
                else
                {
                    cell.TryFormat(line.AsSpan(length), out var written, default, CultureInfo.InvariantCulture);
                    length += written;
                }
            }
            newLine.CopyTo(line.AsSpan(length));
            writer.Write(line, 0, length + newLine.Length);
        }
    }

    public static (LabelMatrix Matrix, IReadOnlyList<string> Names) Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new LabelingFunctionInputException(path, 0, "empty file; expected a header row of labeling-function names");
        var names = CsvRecordReader.Read(new StringReader(header)).First().Fields;
        var cells = new List<short>();
        long lineNumber = 1;
        var rows = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            var parts = line.Split(',');
            if (parts.Length != names.Count)
                throw new LabelingFunctionInputException(path, lineNumber, $"row has {parts.Length} values, the header {names.Count}");
            for (var j = 0; j < parts.Length; j++)
                cells.Add(ParseCell(path, lineNumber, names[j], parts[j]));
            rows++;
        }
        return (new LabelMatrix(rows, names.Count, [.. cells]), names);
    }

    public static int[] ReadGold(string path)
    {
        var gold = new List<int>();
        long lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1)
            {
                if (line.Trim().Trim('\uFEFF') != "label")
                    throw new LabelingFunctionInputException(path, 1, $"expected the header `label`, found '{line}'");
                continue;
            }
            if (line.Length > 0)
                gold.Add(ParseCell(path, lineNumber, "label", line));
        }
        return [.. gold];
    }

    private static short ParseCell(string path, long line, string column, string text)
    {
        if (short.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= LabelIndex.Abstain)
            return value;
        throw new LabelingFunctionInputException(path, line, $"column '{column}': '{text}' is not a label index; use -1 for abstain or 0..k-1");
    }
}
