using System.Globalization;
using Labelforge.Cli.Output;
using Labelforge.Engine;

namespace Labelforge.Cli.Input;

/// <summary>Reads the plain-file inputs of label-errors: a label column and a probability matrix, each with a header row.</summary>
internal static class NumericTableReader
{
    /// <summary>LABELS.csv: header <c>label</c>, then one class index per row.</summary>
    public static int[] ReadLabels(string path)
    {
        using var text = InputFile.OpenText(path);
        var records = new DelimitedReader(text, ',', quoting: true, path).Records();
        var labels = new List<int>();
        var headerSeen = false;
        foreach (var record in records)
        {
            if (!headerSeen)
            {
                if (record.Fields.Length != 1 || !record.Fields[0].Trim().Equals("label", StringComparison.OrdinalIgnoreCase))
                    throw new CliException($"{path}:{record.Line}: expected the header row 'label'; add it as the first line");
                headerSeen = true;
                continue;
            }
            if (record.Fields.Length != 1)
                throw new CliException($"{path}:{record.Line}: expected 1 field (label) but found {record.Fields.Length}; write one class index per row");
            if (!int.TryParse(record.Fields[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var label) || label < 0)
                throw new CliException($"{path}:{record.Line}: field 'label' is '{record.Fields[0]}', not a class index; use integers 0..k-1");
            labels.Add(label);
        }
        if (!headerSeen)
            throw new CliException($"{path}: the file is empty; write the header 'label' and one class index per row");
        return [.. labels];
    }

    /// <summary>PROBS.csv: a header row naming the k classes, then one row of k probabilities per item.</summary>
    public static ProbabilityMatrix ReadProbabilities(string path)
    {
        using var text = InputFile.OpenText(path);
        string[]? header = null;
        var values = new List<float>();
        foreach (var record in new DelimitedReader(text, ',', quoting: true, path).Records())
        {
            if (header is null)
            {
                if (record.Fields.All(f => float.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                    throw new CliException($"{path}:{record.Line}: the first row holds numbers, so the header row is missing; add a header such as p0,p1,...");
                header = record.Fields;
                continue;
            }
            if (record.Fields.Length != header.Length)
                throw new CliException($"{path}:{record.Line}: expected {header.Length} probabilities (one per header column) but found {record.Fields.Length}");
            for (var j = 0; j < record.Fields.Length; j++)
                values.Add(ParseProbability(path, record, header[j], j));
        }
        if (header is null)
            throw new CliException($"{path}: the file is empty; write a header row and one row of class probabilities per item");
        return new ProbabilityMatrix([.. values], header.Length);
    }

    private static float ParseProbability(string path, DelimitedRecord record, string column, int index)
    {
        var raw = record.Fields[index];
        if (!float.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || !float.IsFinite(p) || p < 0 || p > 1.0001f)
            throw new CliException($"{path}:{record.Line}: field '{column}' is '{raw}', not a probability; write a number between 0 and 1");
        return p;
    }
}
