using Labelforge.Cli.Output;
using Labelforge.Core.Csv;

namespace Labelforge.Cli.Consensus;

/// <summary>The header row of a delimited file and lookups of required columns by name (case-insensitive).</summary>
internal sealed class CsvHeader
{
    private readonly string _path;

    private CsvHeader(string path, string[] names)
    {
        _path = path;
        Names = names;
    }

    public string[] Names { get; }

    public static CsvHeader Read(CsvRecordReader csv, string path, string expected)
    {
        while (AnswersCsvReader.ReadRecord(csv, path))
        {
            if (csv.IsBlank)
                continue;
            var names = new string[csv.FieldCount];
            for (var f = 0; f < names.Length; f++)
                names[f] = csv.FieldString(f).Trim();
            return new CsvHeader(path, names);
        }
        throw new CliException($"{path}: the file is empty; expected a header row ({expected}) and one row per record");
    }

    public int Find(string column) => Array.FindIndex(Names, n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase));

    public int Require(string column, string option)
    {
        var at = Find(column);
        if (at < 0)
            throw new CliException($"{_path}: line 1: missing column '{column}' (the header has: {string.Join(", ", Names)}); rename the column or pass {option}");
        return at;
    }
}
