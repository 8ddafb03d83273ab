namespace Labelforge.Core.Import.Readers;

/// <summary>
/// What a reader yields per row: exactly one of a good record, an error, or a row the source itself marked to be
/// left out (<see cref="Ignored"/>: a Prodigy "ignore" answer), which is counted, not imported and not an error.
/// </summary>
public readonly record struct ImportEntry(ImportRecord? Record, ImportError? Error, ImportError? Ignored = null)
{
    public static ImportEntry Ok(ImportRecord record) => new(record, null);

    public static ImportEntry Bad(ImportError error) => new(null, error);

    /// <summary>A row left out on purpose; <paramref name="why"/> says where and why (kept for the report, not counted as an error).</summary>
    public static ImportEntry Skip(ImportError why) => new(null, null, why);
}
