using Labelforge.Core.Common;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Import;

/// <summary>
/// How an import treats bad rows and unknown labels.
/// <see cref="Strict"/>: any bad row and nothing is written (default false: keep good rows, list bad ones).
/// <see cref="CreateLabels"/>: unknown label names become new taxonomy labels (default false: such rows are errors).
/// <see cref="BatchSize"/>: rows per transaction when not strict (default 100,000: each commit fsyncs and checkpoints the
/// WAL, rewriting the dedupe index pages the batch touched, so fewer, larger commits write far less; a crash loses at most one batch).
/// <see cref="MaxErrorsListed"/>: errors kept in the report; all are counted (default 1,000).
/// <see cref="LabelNames"/>: names of integer class ids, index i naming id i (Hugging Face style `0`, `1`, ...);
/// with it, every label in the file must be such an id (default null: labels are names).
/// </summary>
public sealed record ImportOptions(bool Strict = false, bool CreateLabels = false, int BatchSize = 100_000, int MaxErrorsListed = 1_000,
    IReadOnlyList<string>? LabelNames = null)
{
    /// <summary>
    /// Reads <see cref="LabelNames"/> as the CLI and API take it: the list syntax of `project create --labels` (`\,`
    /// for a comma inside a name). An empty name would shift every later class id, so it is refused, not dropped.
    /// </summary>
    public static IReadOnlyList<string>? ParseLabelNames(string? list, string option)
    {
        if (list is null)
            return null;
        var names = LabelPath.Split(list, LabelPath.ListSeparator).Select(n => n.Trim()).ToArray();
        return names.Any(n => n.Length == 0)
            ? throw LabelforgeException.Invalid($"{option} has an empty name; give one name per class id, comma-separated.")
            : names;
    }
}
