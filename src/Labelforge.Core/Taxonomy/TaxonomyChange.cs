namespace Labelforge.Core.Taxonomy;

/// <summary>
/// One recorded taxonomy operation. Each makes a new version; <see cref="SnapshotJson"/> is the whole
/// label tree as it stood after the change, so any version can be shown without replaying the log.
/// </summary>
public sealed class TaxonomyChange
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public int Version { get; set; }

    /// <summary>add, rename, move, deprecate, merge or split.</summary>
    public required string Operation { get; set; }

    /// <summary>The operation's arguments as JSON, with label ids (e.g. {"sources":[3,4],"target":7}).</summary>
    public required string DetailsJson { get; set; }

    public required string SnapshotJson { get; set; }

    public string? Author { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
