using System.Security.Claims;
using Labelforge.Core.Annotations;
using Labelforge.Server.Features.Accounts;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.LabelErrors;
using Labelforge.Core.Privacy;
using Labelforge.Server.Features.Projects;
using Labelforge.Training.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Labelforge.Server.Hosting.Security;

namespace Labelforge.Server.Features.LabelErrors;

/// <summary>
/// The label-error review queue: start a confident-learning run (202, runs in the background), poll it for progress
/// and the ranked suspects still open, and record a reviewer's keep or fix.
/// </summary>
public static class LabelErrorEndpoints
{
    public static RouteGroupBuilder MapLabelErrors(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:long}/label-errors").WithTags("LabelErrors").RequireProject().RequireAuthorization(Policies.ProjectReviewer);
        group.MapPost("/run", (long projectId, LabelErrorRunRequest? body, LabelErrorRuns runs) =>
        {
            var folds = body?.Folds ?? ProjectLabelErrors.DefaultFolds;
            if (folds is < 2 or > 20)
                throw LabelforgeException.Invalid("Folds must be between 2 and 20.");
            var run = runs.Start(projectId, folds, body?.Seed ?? ProjectLabelErrors.DefaultSeed);
            return TypedResults.Accepted($"/api/projects/{projectId}/label-errors", run);
        });
        group.MapGet("/", async (long projectId, HttpContext http, LabelErrorRuns runs, LabelforgeDb db, PiiOperations pii, CancellationToken ct) =>
        {
            var run = await OpenAsync(db, runs.Latest(projectId), ct);
            var masker = await pii.MaskerAsync(projectId, ProjectAccess.MaySeePersonalData(http), ct);
            return TypedResults.Ok(masker.IsEmpty ? run : run with { Errors = [.. run.Errors.Select(e => e with { Text = masker.Text(e.Text) })] });
        });
        group.MapPost("/reviews", async (long projectId, LabelReviewRequest body, ClaimsPrincipal user, LabelReviewOperations ops, CancellationToken ct) =>
        {
            var result = await ops.ReviewAsync(projectId, new LabelReview(body.ItemId, body.AnnotationId, SignedInUser.Name(user, body.Reviewer, "reviewer"), body.LabelIds, body.RequestId), ct);
            return result.Created
                ? Results.Created($"/api/projects/{projectId}/items/{body.ItemId}/annotations", result)
                : Results.Ok(result);
        });
        return api;
    }

    /// <summary>The run with the suspects whose given label is still current: reviewed or relabeled items drop out.</summary>
    private static async Task<LabelErrorRun> OpenAsync(LabelforgeDb db, LabelErrorRun run, CancellationToken ct)
    {
        if (run.Errors.Count == 0)
            return run;
        var ids = run.Errors.Select(e => e.ItemId).ToList();
        var latest = await GivenLabels.Latest(db, run.ProjectId).AsNoTracking()
            .Where(a => ids.Contains(a.ItemId))
            .ToDictionaryAsync(a => a.ItemId, a => a.Id, ct);
        return run with { Errors = run.Errors.Where(e => latest.GetValueOrDefault(e.ItemId) == e.GivenAnnotationId).ToList() };
    }
}
