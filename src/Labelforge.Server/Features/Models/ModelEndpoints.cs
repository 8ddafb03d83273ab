using Labelforge.Core.Models;
using Labelforge.Engine.AutoAccept;
using Labelforge.Server.Features.Projects;
using Labelforge.Training.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Labelforge.Server.Hosting.Security;

namespace Labelforge.Server.Features.Models;

/// <summary>
/// Train, list and use a project's models. Training runs inside the request: a retrain of the linear model on 10,000
/// labels takes seconds, Kestrel sets no request timeout, and the request's cancellation token (the client going
/// away) stops the work between training steps, so nothing is left half-written (the version is stored in one
/// transaction at the end). A job table with 202 + status is the path once training takes minutes.
/// </summary>
public static class ModelEndpoints
{
    public static RouteGroupBuilder MapModels(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:long}/models").WithTags("Models").RequireProject().RequireAuthorization(Policies.ProjectManager);
        group.MapGet("/", async (long projectId, string? name, ModelOperations models, CancellationToken ct) =>
            TypedResults.Ok(await models.ListAsync(projectId, name, ct)));
        group.MapPost("/train", Train);
        group.MapPost("/predict", async (long projectId, PredictRequest body, ProjectPrediction prediction, CancellationToken ct) =>
            TypedResults.Ok(await prediction.PredictAsync(projectId, body.Model, body.OnlyUnlabeled ?? false, ct: ct)));
        group.MapPost("/auto-accept", async (long projectId, AutoAcceptBody body, AutoAcceptOperations ops, CancellationToken ct) =>
        {
            var request = new AutoAcceptRequest(body.Model, body.TargetPrecision ?? AutoAcceptOptions.DefaultTargetPrecision,
                body.Confidence ?? AutoAcceptRequest.DefaultConfidence, body.DryRun ?? false);
            return TypedResults.Ok(await ops.RunAsync(projectId, request, ct));
        });
        return api;
    }

    private static async Task<IResult> Train(long projectId, TrainModelRequest body, ProjectTraining training, CancellationToken ct)
    {
        var request = new TrainRequest(body.Model ?? ModelKinds.Linear, body.Name, body.IncludeProgrammatic ?? false, body.Seed ?? TrainRequest.DefaultSeed,
            body.TestFraction ?? TrainRequest.DefaultTestFraction);
        var version = await training.TrainAsync(projectId, request, ct);
        return TypedResults.Created($"/api/projects/{projectId}/models?name={Uri.EscapeDataString(version.Name)}", ModelVersionView.From(version));
    }
}
