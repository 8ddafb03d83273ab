using Labelforge.Core.Taxonomy;
using Labelforge.Server.Features.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Labelforge.Server.Hosting.Security;

namespace Labelforge.Server.Features.Taxonomy;

/// <summary>
/// The label tree and its versioned operations. Label references are ids, names or paths (Core/Taxonomy/LabelPath);
/// in a URL path segment a '/' inside one is sent as %2F.
/// </summary>
public static class TaxonomyEndpoints
{
    public static RouteGroupBuilder MapTaxonomy(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:long}").WithTags("Taxonomy").RequireProject().RequireAuthorization(Policies.ProjectManager);
        var read = api.MapGroup("/projects/{projectId:long}").WithTags("Taxonomy").RequireProject().RequireAuthorization(Policies.ProjectAnnotator);
        read.MapGet("/labels", async (long projectId, int? version, TaxonomyOperations ops, CancellationToken ct) =>
            TypedResults.Ok(version is { } v ? await ops.GetLabelsAtAsync(projectId, v, ct) : await ops.GetLabelsAsync(projectId, ct: ct)));
        group.MapPost("/labels", async (long projectId, AddLabelRequest body, TaxonomyOperations ops, CancellationToken ct) =>
        {
            var label = await ops.AddAsync(projectId, new NewLabel(body.Name ?? "", body.Parent, body.Description, body.Hotkey, body.Color), body.Author, ct);
            return TypedResults.Created($"/api/projects/{projectId}/labels/{label.Id}", label);
        });
        group.MapPatch("/labels/{label}", Edit);
        group.MapPost("/labels/{label}/move", async (long projectId, string label, MoveLabelRequest body, TaxonomyOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.MoveAsync(projectId, FromPath(label), body.Parent, body.Author, ct)));
        group.MapPost("/labels/{label}/deprecate", async (long projectId, string label, TaxonomyOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.DeprecateAsync(projectId, FromPath(label), null, ct)));
        group.MapPost("/taxonomy/merge", async (long projectId, MergeLabelsRequest body, TaxonomyOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.MergeAsync(projectId, body.Sources ?? [], body.Target ?? "", body.Author, ct)));
        group.MapPost("/taxonomy/split", async (long projectId, SplitLabelRequest body, TaxonomyOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.SplitAsync(projectId, body.Source ?? "", body.Targets ?? [], body.Author, ct)));
        read.MapGet("/taxonomy/history", async (long projectId, TaxonomyOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.HistoryAsync(projectId, ct)));
        return api;
    }

    /// <summary>
    /// A label reference from a URL path segment. Kestrel decodes every escape of the path except %2F (so a
    /// segment never splits), which would leave "Sci%2FTech" for a name holding '/'; this decodes that one too.
    /// </summary>
    private static string FromPath(string label) => label.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> Edit(long projectId, string label, EditLabelRequest body, TaxonomyOperations ops, CancellationToken ct)
    {
        LabelView? result = null;
        label = FromPath(label);
        if (!string.IsNullOrWhiteSpace(body.Name))
        {
            result = await ops.RenameAsync(projectId, label, body.Name, body.Author, ct);
            label = result.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (body.Description is not null || body.Hotkey is not null || body.Color is not null)
            result = await ops.EditAsync(projectId, label, body.Description, body.Hotkey, body.Color, body.Author, ct);
        return result is null ? TypedResults.BadRequest() : TypedResults.Ok(result);
    }
}
