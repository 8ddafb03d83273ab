using Labelforge.Core.Csv;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Import.Answers;

/// <summary>
/// Reads a CSV or TSV file of answers (header row; tab-separated when the name ends in .tsv or the header has a tab and no
/// comma) into <see cref="AnswerRow"/>s; a row missing a value is an <see cref="ImportError"/> naming the file, line and field.
/// </summary>
public static class AnswersFile
{
    public static (List<AnswerRow> Rows, List<ImportError> Errors) Read(TextReader reader, string source, string idField, string labelField,
        string? authorField, string? textField)
    {
        var rows = new List<AnswerRow>();
        var errors = new List<ImportError>();
        var header = reader.ReadLine();
        if (header is null)
        {
            errors.Add(new ImportError(source, 1, null, "the file is empty; it needs a header row naming the columns"));
            return (rows, errors);
        }
        var delimiter = source.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || (header.Contains('\t') && !header.Contains(',')) ? '\t' : ',';
        var names = CsvRecordReader.Read(new StringReader(header), delimiter).First().Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToList();
        int Column(string? field, bool required)
        {
            if (field is null)
                return -1;
            var index = names.IndexOf(field);
            if (index < 0 && required)
                errors.Add(new ImportError(source, 1, field, $"no column '{field}' in the header ({string.Join(", ", names)}); name an existing column"));
            return index;
        }
        var (id, label, author, text) = (Column(idField, true), Column(labelField, true), Column(authorField, authorField is not null), Column(textField, true));
        if (errors.Count > 0)
            return (rows, errors);
        foreach (var (line, fields) in CsvRecordReader.Read(reader, delimiter))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
                continue;
            string? Value(int column) => column >= 0 && column < fields.Count && fields[column].Trim() is { Length: > 0 } v ? v : null;
            var at = line + 1;
            if (Value(id) is not { } externalId)
            {
                errors.Add(new ImportError(source, at, idField, "no item id; every row names its item"));
                continue;
            }
            var who = author >= 0 ? Value(author) : "";
            if (who is null)
            {
                errors.Add(new ImportError(source, at, authorField, "no author; every row names who answered"));
                continue;
            }
            if (Value(label) is not { } labels)
            {
                errors.Add(new ImportError(source, at, labelField, "no label; give the label name (several separated by |)"));
                continue;
            }
            rows.Add(new AnswerRow(at, externalId, who, LabelPath.Split(labels, LabelPath.CellSeparator).Select(l => l.Trim()).ToList(),
                text >= 0 ? Value(text) : null));
        }
        return (rows, errors);
    }
}
