namespace Labelforge.Core.Import;

/// <summary>Running counts of one import; keeps only the first errors so memory stays flat on a bad file.</summary>
internal sealed class ImportState(ImportOptions options)
{
    private readonly List<ImportError> _errors = [];

    public ImportOptions Options { get; } = options;

    public long Rows { get; set; }

    public long Imported { get; set; }

    public long Skipped { get; set; }

    public long Annotations { get; set; }

    /// <summary>Rows the source marked to leave out, by reason (the reason text of the first such row).</summary>
    public Dictionary<string, long> Ignored { get; } = new(StringComparer.Ordinal);

    public long IgnoredCount => Ignored.Values.Sum();

    public long ErrorCount { get; private set; }

    public IReadOnlyList<ImportError> Errors => _errors;

    public ImportProgress Progress => new(Rows, Imported, Skipped, ErrorCount);

    public void AddError(ImportError error)
    {
        ErrorCount++;
        if (_errors.Count < Options.MaxErrorsListed)
            _errors.Add(error);
    }
}
