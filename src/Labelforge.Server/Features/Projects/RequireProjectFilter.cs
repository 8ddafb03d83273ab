using System.Globalization;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Server.Features.Projects;

/// <summary>
/// Answers 404 for a route whose {projectId} names no project, before the endpoint runs: the same
/// <see cref="RequireProject"/> error the operations raise, so ErrorHandler writes the same ProblemDetails.
/// </summary>
internal sealed class RequireProjectFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // The route constraint {projectId:long} already matched, so the value parses.
        if (http.Request.RouteValues.TryGetValue("projectId", out var value)
            && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var projectId))
            await RequireProject.ExistsAsync(http.RequestServices.GetRequiredService<LabelforgeDb>(), projectId, http.RequestAborted);
        return await next(context);
    }
}
