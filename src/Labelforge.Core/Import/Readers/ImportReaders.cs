using Labelforge.Core.Import.Readers.Spans;
using System.Runtime.CompilerServices;
using Labelforge.Core.Import.Readers.Delimited;
using Labelforge.Core.Import.Readers.Json;
using Labelforge.Core.Import.Readers.LabelStudio;

namespace Labelforge.Core.Import.Readers;

/// <summary>
/// Streaming import readers: CSV, TSV, JSON Lines, JSON arrays, folders of .txt files and Label Studio exports.
/// Each yields one <see cref="ImportEntry"/> per row as it reads, in constant memory; problems in the data come
/// back as <see cref="ImportError"/> entries (file, line, field, what to do) and reading continues with the next
/// row wherever the format allows. A problem with the file as a whole (empty, binary, wrong format, missing text
/// column) is one error with line 0, after which that source yields nothing more.
/// </summary>
public static class ImportReaders
{
    /// <summary>Reads a file, or a folder of .txt files. <paramref name="format"/> null means <see cref="Detect"/>.</summary>
    public static async IAsyncEnumerable<ImportEntry> ReadAsync(
        string path, ImportFormat? format, ImportFieldMap map, ImportReaderOptions options,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (Directory.Exists(path))
        {
            if (format is ImportFormat.ImageFolder or ImportFormat.Voc or ImportFormat.Yolo)
            {
                yield return FileError(path, $"{format.Value.ToWire()} imports copy images into the media store; import the folder with `labelforge import PROJECT FOLDER --format {format.Value.ToWire()}`");
                yield break;
            }
            if (format is not null and not ImportFormat.TxtFolder)
            {
                yield return FileError(path, $"'{path}' is a folder; folders are read as --format txt-folder");
                yield break;
            }
            await foreach (var entry in TxtFolderReader.ReadAsync(path, map, options, ct))
                yield return entry;
            yield break;
        }
        if (!File.Exists(path))
        {
            yield return FileError(path, "file not found");
            yield break;
        }
        if (format is ImportFormat.TxtFolder or ImportFormat.ImageFolder or ImportFormat.Voc or ImportFormat.Yolo)
        {
            yield return FileError(path, $"--format {format.Value.ToWire()} needs a folder, not a file");
            yield break;
        }
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream)
        {
            await foreach (var entry in ReadAsync(stream, path, format, map, options, ct))
                yield return entry;
        }
    }

    /// <summary>
    /// Reads an uploaded stream (read once, front to back; it need not seek). <paramref name="sourceName"/> is the
    /// file name used in errors and, when <paramref name="format"/> is null, for detection by extension.
    /// </summary>
    public static async IAsyncEnumerable<ImportEntry> ReadAsync(
        Stream stream, string sourceName, ImportFormat? format, ImportFieldMap map, ImportReaderOptions options,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var input = new ImportInput(stream, options.BufferBytes);
        await input.FillAtLeastAsync(ImportSniffer.HeadBytes, ct);
        input.SkipBom();
        var resolved = format ?? DetectFromContent(sourceName, input.Data);
        var problem = resolved switch
        {
            null => FileError(sourceName, $"cannot tell the format from the name '{Path.GetFileName(sourceName)}'; pass --format with one of: {string.Join(", ", ImportFormats.WireNames)}").Error,
            ImportFormat.Coco => FileError(sourceName, "file looks like a COCO dataset, which holds image objects: import it into an image-objects project with `labelforge import PROJECT FILE --format coco --images DIR`").Error,
            ImportFormat.TxtFolder or ImportFormat.ImageFolder or ImportFormat.Voc or ImportFormat.Yolo
                => FileError(sourceName, $"{resolved.Value.ToWire()} imports read images from disk; import with `labelforge import PROJECT PATH --format {resolved.Value.ToWire()}`").Error,
            _ => ImportSniffer.Check(input.Data, resolved.Value, sourceName),
        };
        if (problem is not null)
        {
            yield return ImportEntry.Bad(problem);
            yield break;
        }
        await foreach (var entry in Open(input, resolved!.Value, sourceName, map, options, ct))
            yield return entry;
    }

    /// <summary>
    /// The format of a path: a folder is txt-folder; otherwise by extension (.csv, .tsv/.tab, .jsonl/.ndjson,
    /// .json), where a .json file holding Label Studio tasks is label-studio and one holding an object per line is
    /// jsonl, and a .csv file whose header row has tabs and no commas is tsv. Null when unknown.
    /// </summary>
    public static ImportFormat? Detect(string path)
    {
        if (Directory.Exists(path))
            return ImportFormat.TxtFolder;
        var byName = ImportFormatDetector.FromExtension(path);
        if (byName is not (ImportFormat.Json or ImportFormat.Csv) || !File.Exists(path))
            return byName;
        using var file = File.OpenRead(path);
        var head = new byte[ImportSniffer.HeadBytes];
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return DetectFromContent(path, head.AsSpan(0, read));
    }

    private static ImportFormat? DetectFromContent(string name, ReadOnlySpan<byte> head)
    {
        var byName = ImportFormatDetector.FromExtension(name);
        if (head.StartsWith("\uFEFF"u8))
            head = head[3..];
        return byName switch
        {
            ImportFormat.Json => ImportFormatDetector.FromJsonContent(head),
            ImportFormat.Csv when DelimiterGuess.LooksTabSeparated(head) => ImportFormat.Tsv,
            _ => byName,
        };
    }

    private static IAsyncEnumerable<ImportEntry> Open(
        ImportInput input, ImportFormat format, string source, ImportFieldMap map, ImportReaderOptions options, CancellationToken ct) =>
        format switch
        {
            ImportFormat.Csv => DelimitedReader.ReadAsync(input, (byte)',', source, map, options, ct),
            ImportFormat.Tsv => DelimitedReader.ReadAsync(input, (byte)'\t', source, map, options, ct),
            ImportFormat.Jsonl => JsonlReader.ReadAsync(input, source, map, options, ct),
            ImportFormat.Json => JsonArrayReader.ReadAsync(input, source, new JsonObjectMapper(source, map, options).Map, options, ct),
            ImportFormat.LabelStudio when StartsWithObject(input.Data) => JsonSingleObjectReader.ReadAsync(input, source, new LabelStudioTaskMapper(source, map).Map, options, ct),
            ImportFormat.Conll => ConllReader.ReadAsync(input, source, options, ct),
            ImportFormat.SpacyJsonl => SpacyJsonlReader.ReadAsync(input, source, map, options, ct),
            ImportFormat.LabelStudio => JsonArrayReader.ReadAsync(input, source, new LabelStudioTaskMapper(source, map).Map, options, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a stream format"),
        };

    private static bool StartsWithObject(ReadOnlySpan<byte> data)
    {
        var first = data.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && data[first] == '{';
    }

    private static ImportEntry FileError(string source, string message) => ImportEntry.Bad(new ImportError(source, 0, null, message));
}
