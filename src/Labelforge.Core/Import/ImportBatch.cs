namespace Labelforge.Core.Import;

/// <summary>One run of the importer: the source, the counts and when it ran. Author of its labels is import:{Id}.</summary>
public sealed class ImportBatch
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public required string Source { get; set; }

    public required string Format { get; set; }

    public long Imported { get; set; }

    public long SkippedDuplicates { get; set; }

    public long Errors { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
