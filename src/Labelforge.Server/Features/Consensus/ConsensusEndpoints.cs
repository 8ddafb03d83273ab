using Labelforge.Core.Common;
using Labelforge.Core.Consensus;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Consensus;

/// <summary>
/// Consensus labels in a project: run a method now, read the latest run with its annotator quality, and the settings
/// (background rerun every N labels, method, gold accuracy threshold); `consensus/objects` fuses the boxes of an
/// image-objects project, `consensus/spans` finds the consensus spans of a text-spans project. Reviewers and managers only: annotators never
/// see consensus, so their labels stay blind to it.
/// </summary>
public static class ConsensusEndpoints
{
    public static RouteGroupBuilder MapConsensus(this RouteGroupBuilder api)
    {
        var review = api.MapGroup("/projects/{projectId:long}/consensus").WithTags("Consensus").RequireProject().RequireAuthorization(Policies.ProjectReviewer);
        var manage = api.MapGroup("/projects/{projectId:long}/consensus").WithTags("Consensus").RequireProject().RequireAuthorization(Policies.ProjectManager);
        review.MapPost("", async (long projectId, ConsensusRunRequest? body, ConsensusSettingsOperations settings, ConsensusReruns reruns, CancellationToken ct) =>
        {
            var current = await settings.GetAsync(projectId, ct);
            var request = new ConsensusRequest(body?.Method ?? current.Method, body?.Seed ?? current.Seed);
            var run = await reruns.RunAsync(projectId, request, ct)
                ?? throw LabelforgeException.Conflict("A consensus run of this project is in progress; try again when it ends.");
            return TypedResults.Ok(run);
        });
        review.MapGet("", async (long projectId, ConsensusOperations ops, CancellationToken ct) =>
            TypedResults.Ok(new ConsensusLatest(await ops.LatestAsync(projectId, ct))));
        review.MapGet("/settings", async (long projectId, ConsensusSettingsOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.GetAsync(projectId, ct)));
        manage.MapPut("/settings", async (long projectId, ConsensusSettingsRequest body, ConsensusSettingsOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.UpdateAsync(projectId, new ConsensusSettingsUpdate(body.Method, body.Seed, body.RerunEvery, body.GoldAccuracyThreshold), ct)));
        manage.MapPost("/objects", async (long projectId, ObjectConsensusBody? body, ObjectConsensusOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.RunAsync(projectId, new ObjectConsensusRequest(
                body?.MinAnnotators ?? ObjectConsensusRequest.DefaultMinAnnotators,
                body?.MinScore ?? ObjectConsensusRequest.DefaultMinScore,
                body?.IouThreshold ?? Engine.Objects.WeightedBoxFusion.DefaultThreshold), ct)));
        manage.MapPost("/spans", async (long projectId, SpanConsensusBody? body, SpanConsensusOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.RunAsync(projectId, new SpanConsensusRequest(
                body?.Method ?? SpanConsensusRequest.Majority,
                body?.MinAnnotators ?? SpanConsensusRequest.DefaultMinAnnotators,
                body?.Seed ?? 42), ct)));
        return api;
    }
}

/// <summary>A box consensus run's settings; each falls back to <see cref="ObjectConsensusRequest"/>'s default.</summary>
public sealed record ObjectConsensusBody(int? MinAnnotators = null, double? MinScore = null, double? IouThreshold = null);

/// <summary>A span consensus run's settings: majority (default) or dawid-skene, the annotators an item needs (default 2), the seed.</summary>
public sealed record SpanConsensusBody(string? Method = null, int? MinAnnotators = null, int? Seed = null);
