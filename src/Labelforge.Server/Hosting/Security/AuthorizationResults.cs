using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Hosting.Security;

/// <summary>
/// Answers a failed authorization: 404 with the same problem as a missing project when the user is not a member (so
/// project ids cannot be probed), else the framework's 401 (challenge) or 403, which the status-code pages turn into
/// problem details.
/// </summary>
internal sealed class AuthorizationResults(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
        if (authorizeResult.Forbidden && reasons.Contains(ProjectRoleHandler.NotMember))
        {
            await WriteAsync(http, StatusCodes.Status404NotFound, "Not found", $"No project with id {http.GetRouteValue("projectId")}.");
            return;
        }
        if (authorizeResult.Forbidden)
        {
            var detail = reasons.Count > 0 ? $"Your role in this project is too low: this {reasons[0]}." : "Only admins may do this.";
            await WriteAsync(http, StatusCodes.Status403Forbidden, "Forbidden", detail);
            return;
        }
        await _default.HandleAsync(next, http, policy, authorizeResult);
        if (authorizeResult.Challenged && http.Response.StatusCode == StatusCodes.Status401Unauthorized && !http.Response.HasStarted)
            await WriteAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized", "Sign in, or send a valid personal API token as `Authorization: Bearer TOKEN`.");
    }

    private Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
