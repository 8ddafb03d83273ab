using System.Text.Json;
using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Audit;

/// <summary>
/// The one writer and reader of the audit log. <see cref="WriteAsync"/> appends an entry for the scope's
/// <see cref="AuditActor"/> at the <see cref="TimeProvider"/>'s time and saves it with whatever the caller's context
/// holds (so an operation calls it after its own save, or inside its transaction). There is no update or delete.
/// </summary>
public sealed class AuditLog(LabelforgeDb db, TimeProvider time, AuditActor actor)
{
    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public Task WriteAsync(string action, long? projectId = null, string? target = null, object? details = null, CancellationToken ct = default) =>
        WriteAsAsync(actor.Name, action, projectId, target, details, ct);

    /// <summary>An entry for a named actor (a sign-in, before the scope knows who is signed in).</summary>
    public async Task WriteAsAsync(string actorName, string action, long? projectId = null, string? target = null, object? details = null, CancellationToken ct = default)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            At = time.GetUtcNow(), Actor = actorName, Action = action, ProjectId = projectId, Target = target,
            DetailsJson = details is null ? null : JsonSerializer.Serialize(details, DetailsJson),
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken ct = default)
    {
        query.Validate();
        var events = db.AuditEvents.AsNoTracking();
        if (query.Action is { Length: > 0 } action)
            events = events.Where(e => e.Action == action);
        if (query.Actor is { Length: > 0 } who)
            events = events.Where(e => e.Actor == who);
        if (query.ProjectId is { } project)
            events = events.Where(e => e.ProjectId == project);
        if (query.Since is { } since)
            events = events.Where(e => e.At >= since);
        var total = await events.CountAsync(ct);
        var page = await events.OrderByDescending(e => e.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new AuditPage(page.Select(AuditEventView.From).ToList(), total, query.Page, query.PageSize);
    }
}
