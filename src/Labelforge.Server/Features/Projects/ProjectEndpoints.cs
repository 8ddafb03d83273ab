using Labelforge.Core.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Projects;

public static class ProjectEndpoints
{
    public static RouteGroupBuilder MapProjects(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects").WithTags("Projects");
        group.MapGet("/", async (ProjectOperations ops, CancellationToken ct) => TypedResults.Ok(await ops.ListAsync(ct)));
        group.MapPost("/", Create);
        group.MapGet("/{projectId:long}", Get);
        group.MapDelete("/{projectId:long}", async (long projectId, ProjectOperations ops, CancellationToken ct) =>
        {
            await ops.DeleteAsync(projectId, ct);
            return TypedResults.NoContent();
        });
        group.MapPut("/{projectId:long}/guidelines", async (long projectId, GuidelinesRequest body, ProjectOperations ops, CancellationToken ct) =>
        {
            var project = await ops.UpdateGuidelinesAsync(projectId, body.Markdown ?? "", ct);
            return TypedResults.Ok(new GuidelinesRequest(project.Guidelines));
        });
        return api;
    }

    private static async Task<Created<ProjectDetail>> Create(CreateProjectRequest body, ProjectOperations ops, CancellationToken ct)
    {
        var project = await ops.CreateAsync(new NewProject(body.Name ?? "", body.TaskType ?? TaskTypes.TextClassification,
            body.MultiLabel, body.Labels, body.Guidelines ?? "", body.OverlappingSpans ?? false, body.SnapSpansToTokens ?? true), ct);
        var detail = ProjectDetail.From(await ops.SummarizeAsync(project, ct), project.Guidelines);
        return TypedResults.Created($"/api/projects/{project.Id}", detail);
    }

    private static async Task<Ok<ProjectDetail>> Get(long projectId, ProjectOperations ops, CancellationToken ct)
    {
        var project = await ops.GetAsync(projectId, ct);
        return TypedResults.Ok(ProjectDetail.From(await ops.SummarizeAsync(project, ct), project.Guidelines));
    }
}
