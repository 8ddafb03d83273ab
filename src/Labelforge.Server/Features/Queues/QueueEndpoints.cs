using System.Security.Claims;
using Labelforge.Core.Queues;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Features.Accounts;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Queues;

/// <summary>
/// The labeling queue: lease the next items for an annotator, keep them while the page is open (renew),
/// give them back (release), skip them for good (skip; DELETE /skips brings an annotator's skips back), and read progress.
/// The annotator is always the signed-in user (<see cref="SignedInUser"/>).
/// </summary>
public static class QueueEndpoints
{
    public static RouteGroupBuilder MapQueues(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:long}/queue").WithTags("Queues").RequireProject().RequireAuthorization(Policies.ProjectAnnotator);
        group.MapPost("/next", async (long projectId, QueueNextRequest body, ClaimsPrincipal user, HttpContext http, QueueOperations ops, CancellationToken ct) =>
        {
            var request = new QueueRequest(SignedInUser.Name(user, body.Annotator), body.Count ?? QueueRequest.DefaultCount, body.Strategy, body.Seed ?? QueueRequest.DefaultSeed, body.Exclude)
            {
                Unmasked = ProjectAccess.MaySeePersonalData(http),
            };
            var items = await ops.NextAsync(projectId, request, ct);
            return TypedResults.Ok(new QueueNextResponse(items, await ops.ProgressAsync(projectId, request.Annotator, ct)));
        });
        group.MapPost("/renew", async (long projectId, QueueLeaseRequest body, ClaimsPrincipal user, QueueOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.RenewAsync(projectId, SignedInUser.Name(user, body.Annotator), body.ItemIds ?? [], ct)));
        group.MapPost("/release", async (long projectId, QueueLeaseRequest body, ClaimsPrincipal user, QueueOperations ops, CancellationToken ct) =>
        {
            await ops.ReleaseAsync(projectId, SignedInUser.Name(user, body.Annotator), body.ItemIds ?? [], ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/skip", async (long projectId, QueueLeaseRequest body, ClaimsPrincipal user, QueueOperations ops, CancellationToken ct) =>
            TypedResults.Ok(new QueueSkipResult(await ops.SkipAsync(projectId, SignedInUser.Name(user, body.Annotator), body.ItemIds ?? [], ct), 0)));
        group.MapDelete("/skips", async (long projectId, string? annotator, ClaimsPrincipal user, QueueOperations ops, CancellationToken ct) =>
            TypedResults.Ok(new QueueSkipResult(0, await ops.UnskipAllAsync(projectId, SignedInUser.Name(user, annotator), ct))));
        group.MapGet("/progress", async (long projectId, string? annotator, ClaimsPrincipal user, QueueOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.ProgressAsync(projectId, SignedInUser.Name(user, annotator), ct)));
        return api;
    }
}
