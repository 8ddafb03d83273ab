using Labelforge.Core.Annotations;
using Labelforge.Core.Items;
using Labelforge.Server.Features.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Labelforge.Server.Hosting.Security;

namespace Labelforge.Server.Features.Items;

public static class ItemEndpoints
{
    public static RouteGroupBuilder MapItems(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:long}/items").WithTags("Items").RequireProject().RequireAuthorization(Policies.ProjectReviewer);
        group.MapGet("/", async (long projectId, string? search, string? label, string? author, bool? unlabeled,
            [FromQuery(Name = "needs_relabel")] bool? needsRelabel, int? page, [FromQuery(Name = "page_size")] int? pageSize,
            HttpContext http, ItemOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.QueryAsync(projectId,
                new ItemQuery(search, label, author, unlabeled ?? false, needsRelabel ?? false, page ?? 1, pageSize ?? ItemQuery.DefaultPageSize)
                {
                    Unmasked = ProjectAccess.MaySeePersonalData(http),
                }, ct)));
        group.MapGet("/{itemId:long}", async (long projectId, long itemId, HttpContext http, ItemOperations items, AnnotationOperations annotations, CancellationToken ct) =>
        {
            var item = await items.GetAsync(projectId, itemId, ProjectAccess.MaySeePersonalData(http), ct);
            var history = await annotations.HistoryAsync(projectId, itemId, ct);
            return TypedResults.Ok(new ItemDetail(item, history));
        });
        return api;
    }
}
