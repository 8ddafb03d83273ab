using Labelforge.Core.Audit;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Audit;

/// <summary>The audit log, for admins only: newest first, paged, filtered by action, actor, project and time.</summary>
public static class AuditLogEndpoints
{
    public static RouteGroupBuilder MapAuditLog(this RouteGroupBuilder api)
    {
        api.MapGet("/audit-log", async (string? action, string? actor, [FromQuery(Name = "project_id")] long? projectId, DateTimeOffset? since,
                int? page, [FromQuery(Name = "page_size")] int? pageSize, AuditLog audit, CancellationToken ct) =>
            TypedResults.Ok(await audit.ListAsync(new AuditQuery(action, actor, projectId, since, page ?? 1, pageSize ?? AuditQuery.DefaultPageSize), ct)))
            .WithTags("Audit").RequireAuthorization(Policies.Admin);
        return api;
    }
}
