using Labelforge.Core.Privacy;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Privacy;

/// <summary>
/// Personal-data masking of a project, for its managers: which detectors run (GET, PUT), how a setting, saved or not,
/// masks a sample item or text (POST /preview) and what the saved one finds per item (GET /report). Reading paths mask for everyone else (<see cref="ProjectAccess.MaySeePersonalData"/>).
/// </summary>
public static class PiiEndpoints
{
    public static RouteGroupBuilder MapPrivacy(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:long}/pii").WithTags("Privacy").RequireProject().RequireAuthorization(Policies.ProjectManager);
        group.MapGet("/", async (long projectId, PiiOperations ops, CancellationToken ct) => TypedResults.Ok(await ops.GetAsync(projectId, ct)));
        group.MapPut("/", async (long projectId, PiiSettingsRequest body, PiiOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.SetAsync(projectId, new PiiSettingsView(body.Detectors ?? [], body.Pattern, body.Words ?? []), ct)));
        group.MapPost("/preview", async (long projectId, PiiPreviewRequest body, PiiOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.PreviewAsync(projectId, new PiiSettingsView(body.Detectors ?? [], body.Pattern, body.Words ?? []), body.ItemId, body.Text, ct)));
        group.MapGet("/report", async (long projectId, int? limit, PiiOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.ReportAsync(projectId, limit ?? PiiOperations.DefaultReportLimit, ct)));
        return api;
    }
}
