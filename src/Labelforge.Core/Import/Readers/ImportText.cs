using System.Text;
using System.Text.Unicode;
using Labelforge.Core.Annotations;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Import.Readers;

/// <summary>Small helpers the readers share: label splitting, UTF-8 checks and error texts.</summary>
internal static class ImportText
{
    /// <summary>Separator of several labels in one CSV/TSV cell ("spam|ads"); <c>\|</c> is a '|' inside a name.</summary>
    public const char LabelSeparator = LabelPath.CellSeparator;

    public static readonly IReadOnlyList<ImportedAnnotation> NoAnnotations = [];

    /// <summary>
    /// Splits "a|b" (<see cref="LabelPath"/> syntax) into labels as one import annotation; empty when there are none.
    /// Blank items are dropped; the others keep their whitespace, so the label map can report what trimming changed.
    /// </summary>
    public static IReadOnlyList<ImportedAnnotation> LabelsFromText(string text)
    {
        var labels = LabelPath.Split(text, LabelSeparator).Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
        return labels.Length == 0 ? NoAnnotations : [new ImportedAnnotation(null, AnnotationKind.Import, labels)];
    }

    /// <summary>Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8.</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
            return -1;
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var used) != System.Buffers.OperationStatus.Done)
                return offset;
            offset += used;
        }
        return -1;
    }

    public static string InvalidUtf8Message(ReadOnlySpan<byte> bytes, int offset) =>
        $"invalid UTF-8 (byte 0x{bytes[offset]:X2} at byte {offset + 1} of the value); save the file as UTF-8";

    public static string TooLargeMessage(long bytes, int limit) =>
        $"value is {bytes:N0} bytes, over the limit of {limit:N0} bytes; shorten it or raise the field size limit";

    public static string EmptyText(string field) =>
        $"text field '{field}' is empty; every row needs text (use --text-field to pick another field)";
}
