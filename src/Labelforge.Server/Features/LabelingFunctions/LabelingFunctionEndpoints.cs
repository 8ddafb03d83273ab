using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Core.LabelingFunctions.Projects.Analysis;
using Labelforge.Core.LabelingFunctions.Projects.Fitting;
using Labelforge.Core.LabelingFunctions.Sets;
using Labelforge.Core.LabelingFunctions.Spans;
using Labelforge.Server.Features.Projects;
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
/// and the items each function labels, and fit a label model that writes programmatic annotations. In a text-spans
/// project `spans` applies the saved set's span functions instead, writing each item's spans as its suggestion. Files a set
/// names (gazetteers, C# sources) resolve only inside the LF files folder (<see cref="ServerOptions.LabelingFunctionFilesPath"/>).
/// </summary>
public static class LabelingFunctionEndpoints
{
    public static RouteGroupBuilder MapLabelingFunctions(this RouteGroupBuilder api)
    {
        MapSets(api.MapGroup("/projects/{projectId:long}/labeling-function-sets").WithTags("LabelingFunctions").RequireProject().RequireAuthorization(Policies.ProjectManager));
        // The former path, for clients written against it; the OpenAPI document names only the current one.
        MapSets(api.MapGroup("/projects/{projectId:long}/lf-sets").ExcludeFromDescription().RequireProject().RequireAuthorization(Policies.ProjectManager));
        return api;
    }

    private static void MapSets(RouteGroupBuilder group)
    {
        group.MapGet("", async (long projectId, LabelingFunctionProjectOperations ops, CancellationToken ct) => TypedResults.Ok(await ops.SetsAsync(projectId, ct)));
        group.MapGet("/{set}", async (long projectId, string set, LabelingFunctionProjectOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.StateAsync(projectId, set, ct)));
        group.MapGet("/{set}/versions/{version:int}", async (long projectId, string set, int version, LabelingFunctionProjectOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.VersionAsync(projectId, set, version, ct)));
        group.MapPost("/{set}/versions", Save);
        group.MapPost("/{set}/apply", async (long projectId, string set, LabelingFunctionProjectOperations ops, ServerOptions options, CancellationToken ct) =>
            TypedResults.Ok(await ops.ApplySavedAsync(projectId, set, FilesFolder(options), ct)));
        group.MapPost("/{set}/spans", async (long projectId, string set, SpanLabelingFunctionOperations ops, ServerOptions options, CancellationToken ct) =>
            TypedResults.Ok(await ops.ApplySavedAsync(projectId, set, FilesFolder(options), ct)));
        group.MapGet("/{set}/analysis", Analyze);
        group.MapGet("/{set}/functions/{function}/items", async (long projectId, string set, string function, LabelingFunctionAnalysisOperations ops,
            [FromQuery] string? filter, [FromQuery] int? page, [FromQuery(Name = "page_size")] int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await ops.ItemsAsync(projectId, set, function, filter ?? "fires", page ?? 1, pageSize ?? 20, ct)));
        group.MapPost("/{set}/fit", async (long projectId, string set, FitLabelModelRequest body, LabelingFunctionProjectOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.FitAsync(projectId, set, string.IsNullOrWhiteSpace(body.Model) ? LabelModels.Default : body.Model, ct)));
    }

    /// <summary>201 for a new version, 200 when the YAML equals the latest; 400 with every problem (line, column, function) and nothing stored.</summary>
    private static async Task<Results<Created<LabelingFunctionSaveResult>, Ok<LabelingFunctionSaveResult>, ProblemHttpResult>> Save(long projectId, string set,
        SaveLabelingFunctionSetRequest body, LabelingFunctionProjectOperations ops, ServerOptions options, CancellationToken ct)
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
            ? TypedResults.Created($"/api/projects/{projectId}/labeling-function-sets/{set}/versions/{result.Version}", result)
            : TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<LabelingFunctionAnalysisReport>, ProblemHttpResult>> Analyze(long projectId, string set, LabelingFunctionAnalysisOperations ops, CancellationToken ct) =>
        await ops.AnalyzeAsync(projectId, set, ct) is { } report
            ? TypedResults.Ok(report)
            : TypedResults.Problem($"LF set '{set}' has not been applied yet; apply it to see its analysis.", statusCode: StatusCodes.Status404NotFound, title: "Not applied");

    /// <summary>The LF files folder, confined: a set reads nothing outside it (see <see cref="LabelingFunctionFiles"/>).</summary>
    private static LabelingFunctionFiles FilesFolder(ServerOptions options) => LabelingFunctionFiles.Inside(options.LabelingFunctionFilesPath
        ?? Path.ChangeExtension(Path.GetFullPath(options.DbPath), ".lf-files"));
}
