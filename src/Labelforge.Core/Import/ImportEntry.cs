namespace Labelforge.Core.Import;

/// <summary>What a reader yields per row: exactly one of a good record or an error.</summary>
public readonly record struct ImportEntry(ImportRecord? Record, ImportError? Error)
{
    public static ImportEntry Ok(ImportRecord record) => new(record, null);

    public static ImportEntry Bad(ImportError error) => new(null, error);
}
