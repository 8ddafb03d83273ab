using System.Text.Json;

namespace Labelforge.Core.Audit;

/// <summary>An audit entry as the API and the CLI show it (details as a JSON object).</summary>
public sealed record AuditEventView(long Id, DateTimeOffset At, string Actor, string Action, long? ProjectId, string? Target, JsonElement? Details)
{
    public static AuditEventView From(AuditEvent e) => new(e.Id, e.At, e.Actor, e.Action, e.ProjectId, e.Target,
        e.DetailsJson is null ? null : JsonDocument.Parse(e.DetailsJson).RootElement.Clone());
}

/// <summary>A page of audit entries and how many match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEventView> Events, int Total, int Page, int PageSize);
