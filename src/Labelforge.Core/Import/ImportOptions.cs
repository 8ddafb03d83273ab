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
    IReadOnlyList<string>? LabelNames = null);
