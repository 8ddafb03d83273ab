using System.Net;

namespace Labelforge.Server.Hosting.Security;

/// <summary>Whether a listen address is reachable from this machine only.</summary>
public static class Loopback
{
    public static bool Is(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
