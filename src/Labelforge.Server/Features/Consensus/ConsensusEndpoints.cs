using Labelforge.Core.Consensus;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Consensus;

/// <summary>Consensus annotations: a box consensus run over an image-objects project stores fused boxes per image (author consensus:wbf@RUN).</summary>
public static class ConsensusEndpoints
{
    public static RouteGroupBuilder MapConsensus(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{projectId:long}/consensus/objects", async (long projectId, ObjectConsensusBody? body, ObjectConsensusOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.RunAsync(projectId, new ObjectConsensusRequest(
                body?.MinAnnotators ?? ObjectConsensusRequest.DefaultMinAnnotators,
                body?.MinScore ?? ObjectConsensusRequest.DefaultMinScore,
                body?.IouThreshold ?? Engine.Objects.WeightedBoxFusion.DefaultThreshold), ct)))
            .WithTags("Consensus").RequireProject().RequireAuthorization(Policies.ProjectManager);
        return api;
    }
}

/// <summary>A box consensus run's settings; each falls back to <see cref="ObjectConsensusRequest"/>'s default.</summary>
public sealed record ObjectConsensusBody(int? MinAnnotators = null, double? MinScore = null, double? IouThreshold = null);
