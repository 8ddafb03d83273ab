using System.Text;
using System.Text.Json;
using Labelforge.Core.Import.Labels;

namespace Labelforge.Core.Import.Readers.Delimited;

/// <summary>
/// Turns parsed CSV/TSV records into import entries using the header row: DataJson is an object of every
/// column (header names as keys, values as strings), the text, id and label columns come from the field map.
/// </summary>
internal sealed class DelimitedRowMapper
{
    private readonly string source;
    private readonly string[] columns;
    private readonly JsonEncodedText[] names;
    private readonly int textIndex;
    private readonly int idIndex;
    private readonly int labelIndex;
    private readonly ImportReaderOptions options;
    private readonly JsonScratch json = new();
    private readonly LabelCache labels;

    private DelimitedRowMapper(string source, string[] columns, int[] indexes, ImportReaderOptions options)
    {
        this.source = source;
        this.columns = columns;
        this.options = options;
        names = columns.Select(c => JsonEncodedText.Encode(c, JsonScratch.WriterOptions.Encoder)).ToArray();
        (textIndex, idIndex, labelIndex) = (indexes[0], indexes[1], indexes[2]);
        labels = new LabelCache(labelIndex < 0 ? null : columns[labelIndex]);
    }

    /// <summary>
    /// Reads the header record (or, without a header, takes the first record's column count); on a bad header
    /// returns null and a file-level error.
    /// </summary>
    public static DelimitedRowMapper? Create(DelimitedParser header, string source, ImportFieldMap map, ImportReaderOptions options, out ImportError? error)
    {
        error = map.NoHeader ? null : HeaderProblem(header, source);
        if (error is not null)
            return null;
        var columns = new string[header.FieldCount];
        for (var i = 0; i < columns.Length; i++)
        {
            var name = map.NoHeader ? "" : Encoding.UTF8.GetString(header.Field(i)).Trim();
            columns[i] = name.Length == 0 ? ImportFieldMap.Column(i + 1) : name;
        }
        var duplicate = columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            error = new ImportError(source, 1, duplicate.Key, $"column '{duplicate.Key}' appears more than once in the header; column names must be unique");
            return null;
        }
        var indexes = new int[3];
        var wanted = new[] { (map.TextFieldOrDefault, "--text-field"), (map.IdField, "--id-field"), (map.LabelField, "--label-field") };
        for (var w = 0; w < wanted.Length; w++)
        {
            var (field, option) = wanted[w];
            indexes[w] = field is null ? -1 : FindColumn(columns, field);
            if (field is not null && indexes[w] < 0)
            {
                error = MissingColumn(source, columns, field, option, map.NoHeader);
                return null;
            }
        }
        return new DelimitedRowMapper(source, columns, indexes, options);
    }

    private static ImportError MissingColumn(string source, string[] columns, string field, string option, bool noHeader)
    {
        if (noHeader)
            return new ImportError(source, 1, field, $"without a header the {columns.Length} columns are numbered 1 to {columns.Length} "
                + $"(column_1 ... column_{columns.Length}), and there is no '{field}'; pick them with --text-column N, --id-column N and --label-column N");
        var listed = string.Join(", ", columns.Take(20).Select(c => c.Length > 40 ? c[..40] + "..." : c));
        if (columns.Length == 1 && columns[0].Contains('\t', StringComparison.Ordinal))
            return new ImportError(source, 1, null, $"the header row has tabs but no commas; {DelimiterGuess.TsvHint}");
        return new ImportError(source, 0, field, $"no column '{field}' in the header; the columns are: {listed}. Pass {option} with one of them"
            + " (or, if the first row is data rather than a header, --no-header with --text-column N)");
    }

    private static ImportError? HeaderProblem(DelimitedParser header, string source)
    {
        if (header.SyntaxError is not null)
            return new ImportError(source, header.SyntaxErrorLine, null, "header row: " + header.SyntaxError);
        if (header.OversizedField >= 0 || header.RecordTooLarge)
            return new ImportError(source, 1, null, "header row is too large; is this really a CSV/TSV file with a header row?");
        var bad = ImportText.FirstInvalidUtf8(header.RecordBytes);
        if (bad >= 0)
            return new ImportError(source, 1, null, "header row: " + ImportText.InvalidUtf8Message(header.RecordBytes, bad));
        return null;
    }

    /// <summary>Exact match first, then a unique case-insensitive one ("CONTENT" for "content").</summary>
    private static int FindColumn(string[] columns, string field)
    {
        var exact = Array.IndexOf(columns, field);
        if (exact >= 0)
            return exact;
        var matches = columns.Select((c, i) => (c, i)).Where(p => string.Equals(p.c, field, StringComparison.OrdinalIgnoreCase)).ToArray();
        return matches.Length == 1 ? matches[0].i : -1;
    }

    public ImportEntry Map(DelimitedParser row)
    {
        var problem = RowProblem(row);
        if (problem is not null)
            return ImportEntry.Bad(problem);
        var line = row.RecordLine;
        var textBytes = row.Field(textIndex);
        var text = Encoding.UTF8.GetString(textBytes);
        if (string.IsNullOrWhiteSpace(text))
            return ImportEntry.Bad(new ImportError(source, line, columns[textIndex], ImportText.EmptyText(columns[textIndex])));
        string? id = null;
        if (idIndex >= 0 && !row.Field(idIndex).IsEmpty)
            id = Encoding.UTF8.GetString(row.Field(idIndex));
        var annotations = labelIndex >= 0 ? labels.FromCell(row.Field(labelIndex)) : ImportText.NoAnnotations;
        var (dataJson, slot) = BuildDataJson(row);
        return ImportEntry.Ok(new ImportRecord(source, line, id, text, dataJson, annotations, slot));
    }

    /// <summary>Every column as a string field; the text column as the stored form's placeholder.</summary>
    private (string Json, int? TextSlot) BuildDataJson(DelimitedParser row)
    {
        var writer = json.Begin();
        writer.WriteStartObject();
        for (var i = 0; i < names.Length; i++)
        {
            if (i == textIndex)
                json.WriteTextPlaceholder(names[i]);
            else
                writer.WriteString(names[i], row.Field(i));
        }
        writer.WriteEndObject();
        return json.FinishStored();
    }

    private ImportError? RowProblem(DelimitedParser row)
    {
        var line = row.RecordLine;
        if (row.SyntaxError is not null)
            return new ImportError(source, row.SyntaxErrorLine, null, row.SyntaxError);
        if (row.OversizedField >= 0)
            return new ImportError(source, line, ColumnName(row.OversizedField), ImportText.TooLargeMessage(row.OversizedFieldBytes, options.MaxFieldBytes));
        if (row.RecordTooLarge)
            return new ImportError(source, line, null, $"row is over the limit of {options.MaxRecordBytes:N0} bytes or {options.MaxColumns:N0} columns");
        if (row.FieldCount != columns.Length)
            return new ImportError(source, line, null,
                $"row has {row.FieldCount} columns but the header has {columns.Length}; quote values that contain the delimiter, quotes or line breaks");
        // Per field, not per record: a multi-byte sequence cut by a delimiter is invalid even if the halves join up.
        for (var i = 0; i < row.FieldCount; i++)
        {
            var field = row.Field(i);
            var bad = ImportText.FirstInvalidUtf8(field);
            if (bad >= 0)
                return new ImportError(source, line, columns[i], ImportText.InvalidUtf8Message(field, bad));
            if (field.Contains((byte)0))
                return new ImportError(source, line, columns[i], "value contains a NUL byte (binary data); is this a text file?");
        }
        return null;
    }

    private string? ColumnName(int index) => index < columns.Length ? columns[index] : null;
}
