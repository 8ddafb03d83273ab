using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Model;
using Labelforge.Core.Queues.Settings;
using Labelforge.Server.Features.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Labelforge.Server.Hosting.Security;

namespace Labelforge.Server.Features.Queues;

/// <summary>
/// A project's queue order: read and change the settings (strategy, retrain-every, batch size, seed, overlap, gold rate), read the status
/// of its active-learning model and stopping signal, and retrain now instead of waiting for the next N labels.
/// </summary>
public static class QueueSettingsEndpoints
{
    public static RouteGroupBuilder MapQueueSettings(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:long}/queue").WithTags("Queues").RequireProject().RequireAuthorization(Policies.ProjectManager);
        var read = api.MapGroup("/projects/{projectId:long}/queue").WithTags("Queues").RequireProject().RequireAuthorization(Policies.ProjectAnnotator);
        read.MapGet("/settings", async (long projectId, QueueSettingsOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.GetAsync(projectId, ct)));
        group.MapPut("/settings", async (long projectId, QueueSettingsRequest body, QueueSettingsOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.SetAsync(projectId, new QueueSettingsUpdate(body.Strategy, body.RetrainEvery, body.BatchSize, body.Seed)
            {
                OverlapMode = body.OverlapMode, Overlap = body.Overlap, MinOverlap = body.MinOverlap, MaxOverlap = body.MaxOverlap,
                TargetConfidence = body.TargetConfidence, GoldRate = body.GoldRate,
            }, ct)));
        read.MapGet("/status", async (long projectId, QueueStatusOperations ops, QueueRetrainCoordinator retrains, CancellationToken ct) =>
            TypedResults.Ok(await ops.StatusAsync(projectId, ct) with { Retraining = retrains.IsRetraining(projectId) }));
        group.MapPost("/retrain", async (long projectId, QueueStatusOperations ops, QueueRetrainCoordinator retrains, CancellationToken ct) =>
        {
            // The request waits for the retrain; the background loop is what keeps annotators from ever waiting.
            var ran = await retrains.RetrainAsync(projectId, ct) is not null;
            var status = await ops.StatusAsync(projectId, ct) with { Retraining = !ran };
            return ran ? Results.Ok(status) : Results.Accepted(value: status);
        });
        return api;
    }
}
