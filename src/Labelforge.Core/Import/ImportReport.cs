namespace Labelforge.Core.Import;

/// <summary>
/// What an import did. <see cref="Errors"/> lists the first problems (file, line, field, message);
/// <see cref="ErrorCount"/> counts them all. <see cref="RolledBack"/>: strict mode found errors and wrote nothing.
/// <see cref="LabelNotices"/>: label values read as something else than written (trimmed, or matched ignoring case).
/// </summary>
public sealed record ImportReport(
    long? BatchId,
    long Rows,
    long Imported,
    long SkippedDuplicates,
    long Annotations,
    long ErrorCount,
    IReadOnlyList<ImportError> Errors,
    IReadOnlyList<string> CreatedLabels,
    bool RolledBack,
    double Seconds,
    IReadOnlyList<ImportLabelNotice> LabelNotices);
