using System.Diagnostics;
using Labelforge.Core.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Labelforge.Server.Hosting;

/// <summary>
/// Turns exceptions into RFC 9457 ProblemDetails: user-fixable errors keep their message and status,
/// anything else is a 500 with a trace id to find it in the log, never a stack trace.
/// </summary>
internal sealed partial class ErrorHandler(IProblemDetailsService problems, ILogger<ErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            LabelforgeException { Kind: ErrorKind.NotFound } e => (StatusCodes.Status404NotFound, "Not found", e.Message),
            LabelforgeException { Kind: ErrorKind.Conflict } e => (StatusCodes.Status409Conflict, "Conflict", e.Message),
            LabelforgeException e => (StatusCodes.Status400BadRequest, "Invalid request", e.Message),
            Security.ForbiddenException e => (StatusCodes.Status403Forbidden, "Forbidden", e.Message),
            // A body that is not JSON: the binder's message names the parameter, the parser's the line and byte.
            BadHttpRequestException { InnerException: System.Text.Json.JsonException j } e => (e.StatusCode, "Invalid JSON", $"{e.Message} {j.Message}"),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
            System.Text.Json.JsonException e => (StatusCodes.Status400BadRequest, "Invalid JSON", e.Message),
            _ => (StatusCodes.Status500InternalServerError, "Server error", "An unexpected error occurred; the trace id identifies it in the server log."),
        };
        if (status >= 500)
            LogUnhandled(logger, exception, Activity.Current?.Id ?? http.TraceIdentifier);
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled exception (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string traceId);
}
