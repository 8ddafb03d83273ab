using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Labelforge.Server.Hosting.Security;

/// <summary>
/// Password sign-in attempts a client may make (POST /api/session): <see cref="PerNameAndAddress"/> a window per client IP
/// and user name (guessing one user's password), <see cref="PerAddress"/> per client IP across names (spraying many
/// users). Past either the answer is 429 with Retry-After, checked before the password is. Fixed one-minute windows.
/// </summary>
public sealed class SignInRateLimits : IDisposable
{
    public const int PerNameAndAddress = 10;
    public const int PerAddress = 60;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<(string Address, string Name)> _limiter = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<(string Address, string Name), string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key.Address + "\n" + key.Name, _ => Options(PerNameAndAddress))),
        PartitionedRateLimiter.Create<(string Address, string Name), string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key.Address, _ => Options(PerAddress))));

    private static FixedWindowRateLimiterOptions Options(int permits) => new() { PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>Null when the attempt may go on, else the 429 problem (with Retry-After set on the response).</summary>
    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Refuse(HttpContext http, string name)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var lease = _limiter.AttemptAcquire((address, name.ToLowerInvariant()));
        if (lease.IsAcquired)
            return null;
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts",
            detail: $"Too many sign-in attempts from this address; try again in {Math.Ceiling(retry.TotalSeconds)} s.");
    }

    public void Dispose() => _limiter.Dispose();
}
