using System.Text;
using Labelforge.Core.Gold;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Gold;

/// <summary>
/// Gold items (honeypots), for managers only: POST a CSV/TSV of `item,label` as the raw body to import known answers
/// (and optionally the gold rate), GET them back. Annotators never see gold answers; the queue serves gold items like any other.
/// </summary>
public static class GoldEndpoints
{
    public static RouteGroupBuilder MapGold(this RouteGroupBuilder api)
    {
        const string Route = "/projects/{projectId:long}/gold";
        api.MapPost(Route, Import).WithTags("Gold").DisableAntiforgery().RequireProject().RequireAuthorization(Policies.ProjectManager);
        api.MapGet(Route, async (long projectId, GoldOperations ops, CancellationToken ct) => TypedResults.Ok(await ops.ListAsync(projectId, ct)))
            .WithTags("Gold").RequireProject().RequireAuthorization(Policies.ProjectManager);
        return api;
    }

    private static async Task<Ok<GoldImportReport>> Import(long projectId, HttpRequest request, GoldOperations ops, [FromQuery] string? filename,
        [FromQuery] double? rate, [FromQuery(Name = "id_field")] string? idField, [FromQuery(Name = "label_field")] string? labelField, CancellationToken ct)
    {
        // Gold files are small, and the reader is synchronous (the server allows no synchronous body reads): read it whole first.
        using var body = new StreamReader(request.Body, Encoding.UTF8);
        using var reader = new StringReader(await body.ReadToEndAsync(ct));
        var source = string.IsNullOrWhiteSpace(filename) ? "upload.csv" : Path.GetFileName(filename);
        return TypedResults.Ok(await ops.ImportAsync(projectId, source, reader, rate, idField ?? "item", labelField ?? "label", ct));
    }
}
