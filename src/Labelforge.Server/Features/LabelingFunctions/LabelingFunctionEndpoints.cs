using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Labelforge.Server.Hosting.Security;

namespace Labelforge.Server.Features.LabelingFunctions;

/// <summary>
/// A project's labeling-function sets: edit and version the YAML, apply it to the items, read the LF analysis
/// and the items each function labels, and fit a label model that writes programmatic annotations. Files a set
/// names (gazetteers, C# sources) resolve against the database's folder.
/// </summary>
public static class LabelingFunctionEndpoints
{
    public static RouteGroupBuilder MapLabelingFunctions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:long}/lf-sets").WithTags("LabelingFunctions").RequireAuthorization(Policies.ProjectManager);
        group.MapGet("", async (long projectId, LfProjectOperations ops, CancellationToken ct) => TypedResults.Ok(await ops.SetsAsync(projectId, ct)));
        group.MapGet("/{set}", async (long projectId, string set, LfProjectOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.StateAsync(projectId, set, ct)));
        group.MapGet("/{set}/versions/{version:int}", async (long projectId, string set, int version, LfProjectOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.VersionAsync(projectId, set, version, ct)));
        group.MapPost("/{set}/versions", Save);
        group.MapPost("/{set}/apply", async (long projectId, string set, LfProjectOperations ops, ServerOptions options, CancellationToken ct) =>
            TypedResults.Ok(await ops.ApplySavedAsync(projectId, set, FilesFolder(options), ct)));
        group.MapGet("/{set}/analysis", Analyze);
        group.MapGet("/{set}/functions/{function}/items", async (long projectId, string set, string function, LfAnalysisOperations ops,
            [FromQuery] string? filter, [FromQuery] int? page, [FromQuery(Name = "page_size")] int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await ops.ItemsAsync(projectId, set, function, filter ?? "fires", page ?? 1, pageSize ?? 20, ct)));
        group.MapPost("/{set}/fit", async (long projectId, string set, FitLabelModelRequest body, LfProjectOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.FitAsync(projectId, set, string.IsNullOrWhiteSpace(body.Model) ? "label-model" : body.Model, ct)));
        return api;
    }

    /// <summary>201 for a new version, 200 when the YAML equals the latest; 400 with every problem (line, column, function) and nothing stored.</summary>
    private static async Task<Results<Created<LfSaveResult>, Ok<LfSaveResult>, ProblemHttpResult>> Save(long projectId, string set,
        SaveLfSetRequest body, LfProjectOperations ops, ServerOptions options, CancellationToken ct)
    {
        var result = await ops.SaveAsync(projectId, set, body.Yaml ?? "", $"{set}.yaml", FilesFolder(options), ct);
        if (result.Errors.Count > 0)
        {
            var first = result.Errors[0];
            var where = first.Line > 0 ? $" (line {first.Line}, column {first.Column})" : "";
            return TypedResults.Problem($"The LF set has {result.Errors.Count} problem(s); the first{where}: {first.Message}", statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid LF set", extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
        }
        return result.NewVersion
            ? TypedResults.Created($"/api/projects/{projectId}/lf-sets/{set}/versions/{result.Version}", result)
            : TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<LfAnalysisReport>, ProblemHttpResult>> Analyze(long projectId, string set, LfAnalysisOperations ops, CancellationToken ct) =>
        await ops.AnalyzeAsync(projectId, set, ct) is { } report
            ? TypedResults.Ok(report)
            : TypedResults.Problem($"LF set '{set}' has not been applied yet; apply it to see its analysis.", statusCode: StatusCodes.Status404NotFound, title: "Not applied");

    private static string FilesFolder(ServerOptions options) => Path.GetDirectoryName(Path.GetFullPath(options.DbPath)) ?? ".";
}
