using System.Text;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Import.Labels;

/// <summary>
/// Remembers the parsed annotation list of recent label cells by their UTF-8 bytes. Label columns repeat a few
/// values ("spam", "ham") over millions of rows, so this saves the string, split and list per row. The lists
/// are immutable, so rows can share them. Holds at most <see cref="Capacity"/> distinct cells, then stops adding.
/// </summary>
internal sealed class LabelCache(string? field)
{
    private const int Capacity = 64;

    private readonly List<(byte[] Key, IReadOnlyList<ImportedAnnotation> Value)> entries = [];

    /// <summary>The annotations for a '|'-separated cell.</summary>
    public IReadOnlyList<ImportedAnnotation> FromCell(ReadOnlySpan<byte> cell)
    {
        if (cell.IsEmpty)
            return ImportText.NoAnnotations;
        foreach (var (key, value) in entries)
        {
            if (cell.SequenceEqual(key))
                return value;
        }
        var parsed = ImportText.LabelsFromText(Encoding.UTF8.GetString(cell));
        if (field is not null && parsed.Count > 0)
            parsed = [.. parsed.Select(a => a with { Field = field })];
        if (entries.Count < Capacity)
            entries.Add((cell.ToArray(), parsed));
        return parsed;
    }
}
