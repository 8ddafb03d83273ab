namespace Labelforge.Server.Hosting.Security;

/// <summary>
/// The Host header values the server answers (ASP.NET Core host filtering), so a page on another site cannot reach the
/// API through DNS rebinding: on a loopback address localhost, 127.0.0.1 and [::1]; on a named address that name and
/// the loopback names; on a wildcard (0.0.0.0, ::) every name unless `--allowed-hosts` lists them.
/// </summary>
public static class AllowedHosts
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    public static IReadOnlyList<string> For(ServerOptions options)
    {
        if (options.AllowedHosts is { Count: > 0 } listed)
            return [.. listed, .. LoopbackNames];
        if (options.Host is "0.0.0.0" or "::" or "[::]" or "*" or "+")
            return ["*"];
        var host = options.Host.Contains(':', StringComparison.Ordinal) && !options.Host.StartsWith('[') ? $"[{options.Host}]" : options.Host;
        return [.. LoopbackNames, host];
    }
}
