using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Labelforge.Core.Import.Readers;

/// <summary>
/// Reads a folder of .txt files (searched recursively, in ordinal path order): one item per file, the whole
/// file as text, the path relative to the folder (with '/') as external id. DataJson is {"text": ..., "path": ...}
/// with the mapped text field name.
/// </summary>
internal static class TxtFolderReader
{
    public static async IAsyncEnumerable<ImportEntry> ReadAsync(
        string folder, ImportFieldMap map, ImportReaderOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        var files = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            yield return ImportEntry.Bad(new ImportError(folder, 0, null, "folder has no .txt files"));
            yield break;
        }
        var json = new JsonScratch();
        var textName = JsonEncodedText.Encode(map.TextFieldOrDefault, JsonScratch.WriterOptions.Encoder);
        foreach (var relative in files)
        {
            var path = Path.Combine(folder, relative);
            var length = new FileInfo(path).Length;
            if (length > options.MaxFieldBytes)
            {
                yield return ImportEntry.Bad(new ImportError(path, 1, map.TextFieldOrDefault, ImportText.TooLargeMessage(length, options.MaxFieldBytes)));
                continue;
            }
            var bytes = await File.ReadAllBytesAsync(path, ct);
            yield return Map(bytes, path, relative, textName, json);
        }
    }

    private static ImportEntry Map(byte[] bytes, string path, string relative, JsonEncodedText textName, JsonScratch json)
    {
        ReadOnlySpan<byte> content = bytes;
        if (content.StartsWith("\uFEFF"u8))
            content = content[3..];
        var bad = ImportText.FirstInvalidUtf8(content);
        if (bad >= 0)
        {
            var line = 1 + content[..bad].Count((byte)'\n');
            return ImportEntry.Bad(new ImportError(path, line, null, ImportText.InvalidUtf8Message(content, bad)));
        }
        var nul = content.IndexOf((byte)0);
        if (nul >= 0)
            return ImportEntry.Bad(new ImportError(path, 1 + content[..nul].Count((byte)'\n'), null, "file contains a NUL byte (binary data); is it a text file?"));
        var text = Encoding.UTF8.GetString(content);
        if (string.IsNullOrWhiteSpace(text))
            return ImportEntry.Bad(new ImportError(path, 1, null, "file is empty"));
        var writer = json.Begin();
        writer.WriteStartObject();
        json.WriteTextPlaceholder(textName);
        writer.WriteString("path"u8, relative);
        writer.WriteEndObject();
        var (dataJson, slot) = json.FinishStored();
        return ImportEntry.Ok(new ImportRecord(path, 1, relative, text, dataJson, ImportText.NoAnnotations, slot));
    }
}
