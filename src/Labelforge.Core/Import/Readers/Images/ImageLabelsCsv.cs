using Labelforge.Core.Csv;

namespace Labelforge.Core.Import.Readers.Images;

/// <summary>Reads the <c>file,label</c> CSV of an image-folder import: paths relative to the folder ('/' or '\'), an optional header row.</summary>
internal static class ImageLabelsCsv
{
    public static IEnumerable<ImportError> Read(string csv, Dictionary<string, (string Label, long Line)> into)
    {
        if (!File.Exists(csv))
        {
            yield return new ImportError(csv, 0, null, "labels CSV not found");
            yield break;
        }
        using var reader = new StreamReader(csv);
        foreach (var (line, fields) in CsvRecordReader.Read(reader))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
                continue;
            if (line == 1 && fields.Count >= 2 && fields[0].Trim().Equals("file", StringComparison.OrdinalIgnoreCase))
                continue;
            if (fields.Count != 2 || fields[0].Trim().Length == 0 || fields[1].Trim().Length == 0)
            {
                yield return new ImportError(csv, line, null, $"expected 2 fields (file,label), found {fields.Count}{(fields.Count == 2 ? " with an empty one" : "")}");
                continue;
            }
            var file = Normalize(fields[0]);
            if (into.TryGetValue(file, out var earlier))
            {
                yield return new ImportError(csv, line, "file", $"'{file}' is listed twice (first on line {earlier.Line})");
                continue;
            }
            into[file] = (fields[1].Trim(), line);
        }
    }

    private static string Normalize(string file)
    {
        var path = file.Trim().Replace('\\', '/');
        return path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
    }
}
