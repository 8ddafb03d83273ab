using Labelforge.Core.Common;
using Labelforge.Core.Export;
using Labelforge.Core.Projects;
using Labelforge.Server.Features.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Labelforge.Server.Hosting.Security;

namespace Labelforge.Server.Features.Export;

/// <summary>Streams an export as a download: rows go to the response as they are read, never buffered whole.</summary>
public static class ExportEndpoints
{
    public static RouteGroupBuilder MapExport(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId:long}/export", Export).WithTags("Export").RequireProject().RequireAuthorization(Policies.ProjectManager);
        return api;
    }

    /// <summary><paramref name="unmasked"/>: texts as stored, personal data included (the route is for managers, who may).</summary>
    private static async Task Export(long projectId, string? format, bool? history, string? include, string? resolve, bool? unmasked, HttpContext http, ProjectOperations projects,
        ExportOperations exports, CancellationToken ct)
    {
        var wire = format ?? "jsonl";
        if (!ExportFormats.TryParse(wire, out var parsed))
            throw LabelforgeException.Invalid($"Unknown format '{wire}'; use one of: {string.Join(", ", ExportFormats.WireNames)}.");
        var project = await projects.GetAsync(projectId, ct);
        if (include is not (null or "model"))
            throw LabelforgeException.Invalid($"Unknown include '{include}'; the one value is: model (count models' suggestions as item labels).");
        var request = new ExportRequest(projectId, parsed, history ?? false, include == "model", Resolve: ExportResolves.Parse(resolve))
        {
            Unmasked = unmasked == true && ProjectAccess.MaySeePersonalData(http),
        };
        request.Validate();
        var name = $"{project.Name}{(request.History ? "-history" : "")}{parsed.Extension()}";
        http.Response.ContentType = parsed.ContentType();
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{Uri.EscapeDataString(name)}\"";
        await exports.WriteAsync(request, http.Response.Body, ct);
    }
}
