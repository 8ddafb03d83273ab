namespace Labelforge.Core.Events;

/// <summary>
/// Something that happened in a project that later consumers (webhooks) will deliver, e.g. kind
/// <see cref="ProjectEventKinds.AgreementDropped"/>. <see cref="Key"/> identifies the occurrence, so the same finding
/// seen again (agreement is recomputed on every view) is recorded once.
/// </summary>
public sealed class ProjectEvent
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public required string Kind { get; set; }

    public required string Key { get; set; }

    /// <summary>The event's data as a JSON object.</summary>
    public required string DetailsJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
