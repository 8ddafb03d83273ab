using System.Security.Claims;
using Labelforge.Core.Accounts;
using Labelforge.Core.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Labelforge.Server.Hosting.Security;

namespace Labelforge.Server.Features.Projects;

public static class ProjectEndpoints
{
    public static RouteGroupBuilder MapProjects(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects").WithTags("Projects");
        group.MapGet("/", List).RequireAuthorization(Policies.SignedIn);
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin);
        group.MapGet("/{projectId:long}", Get).RequireAuthorization(Policies.ProjectAnnotator);
        group.MapDelete("/{projectId:long}", async (long projectId, ProjectOperations ops, CancellationToken ct) =>
        {
            await ops.DeleteAsync(projectId, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.ProjectManager);
        // Each edit that changes the text is a new guideline version (GuidelineEndpoints lists them).
        group.MapPut("/{projectId:long}/guidelines", async (long projectId, GuidelinesRequest body, ClaimsPrincipal user, ProjectOperations ops, CancellationToken ct) =>
        {
            var project = await ops.UpdateGuidelinesAsync(projectId, body.Markdown ?? "", user.UserName(), ct);
            return TypedResults.Ok(new GuidelinesResponse(project.Guidelines, project.GuidelineVersion));
        }).RequireAuthorization(Policies.ProjectManager);
        return api;
    }

    /// <summary>The projects the user is a member of; admins see them all.</summary>
    private static async Task<Ok<IReadOnlyList<ProjectSummary>>> List(ClaimsPrincipal user, ProjectOperations ops, MembershipOperations members, CancellationToken ct) =>
        TypedResults.Ok(user.IsAdmin() ? await ops.ListAsync(ct) : await ops.ListAsync(await members.ProjectIdsAsync(user.UserId()!.Value, ct), ct));

    private static async Task<Created<ProjectDetail>> Create(CreateProjectRequest body, ProjectOperations ops, CancellationToken ct)
    {
        var project = await ops.CreateAsync(new NewProject(body.Name ?? "", body.TaskType ?? TaskTypes.TextClassification,
            body.MultiLabel, body.Labels, body.Guidelines ?? "", body.OverlappingSpans ?? false, body.SnapSpansToTokens ?? true), ct);
        var detail = ProjectDetail.From(await ops.SummarizeAsync(project, ct), project);
        return TypedResults.Created($"/api/projects/{project.Id}", detail);
    }

    private static async Task<Ok<ProjectDetail>> Get(long projectId, ProjectOperations ops, CancellationToken ct)
    {
        var project = await ops.GetAsync(projectId, ct);
        return TypedResults.Ok(ProjectDetail.From(await ops.SummarizeAsync(project, ct), project));
    }
}
