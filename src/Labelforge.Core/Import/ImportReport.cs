namespace Labelforge.Core.Import;

/// <summary>
/// What an import did. <see cref="Errors"/> lists the first problems (file, line, field, message);
/// <see cref="ErrorCount"/> counts them all. <see cref="RolledBack"/>: strict mode found errors and wrote nothing.
/// <see cref="LabelNotices"/>: label values read as something else than written (trimmed, or matched ignoring case).
/// <see cref="Ignored"/>: rows the file itself marked to leave out (Prodigy "ignore" answers), not imported and not
/// errors; <see cref="IgnoredReasons"/> says why, once per reason with its count.
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
    IReadOnlyList<ImportLabelNotice> LabelNotices,
    long Ignored = 0,
    IReadOnlyList<string>? IgnoredReasons = null);
