using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Server.Hosting;
using Labelforge.Server.Hosting.Security;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge serve`: the web UI and REST API on one project database, bound to 127.0.0.1 by default.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port (0 = any free port).", DefaultValueFactory = _ => 5180 };
        var host = new Option<string>("--host") { Description = "Interface to bind; 0.0.0.0 exposes the server to the network.", DefaultValueFactory = _ => "127.0.0.1" };
        var demo = new Option<bool>("--demo") { Description = "Create the demo project if it is missing." };
        var oidcAuthority = new Option<string?>("--oidc-authority") { Description = "OpenID Connect provider (issuer URL) for single sign-on; its client secret comes from LABELFORGE_OIDC_CLIENT_SECRET." };
        var oidcClient = new Option<string?>("--oidc-client-id") { Description = "This server's client id at the OpenID Connect provider." };
        var allowedHosts = new Option<string?>("--allowed-hosts") { Description = "Comma-separated host names the server answers to (Host header), e.g. labels.example.org; default: the --host name and localhost." };
        var lfFiles = new Option<string?>("--lf-files") { Description = "Folder LF sets may read `file:` gazetteers and C# sources from (nothing outside it); default: beside the database (labelforge.lf-files)." };
        var (db, json, media) = (CommonOptions.Db(), CommonOptions.Json(), CommonOptions.Media());
        var command = new Command("serve", "Run the web UI and REST API.") { port, host, allowedHosts, demo, oidcAuthority, oidcClient, lfFiles, db, json, media };
        command.SetHandler(async (parse, ct) =>
        {
            var options = new ServerOptions
            {
                DbPath = parse.GetValue(db)!,
                MediaPath = parse.GetValue(media),
                LabelingFunctionFilesPath = parse.GetValue(lfFiles),
                Port = parse.GetValue(port),
                Host = parse.GetValue(host)!,
                Demo = parse.GetValue(demo),
                WebRoot = WebRoot(),
                OpenIdConnect = OpenIdConnect(parse.GetValue(oidcAuthority), parse.GetValue(oidcClient)),
                AllowedHosts = parse.GetValue(allowedHosts)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            };
            await using var server = await LabelforgeServer.StartAsync(options, ct);
            var text = $"Labelforge listening on {server.Address} (database {Path.GetFullPath(options.DbPath)}); Ctrl+C stops.";
            if (server.SignInLink is { } link)
                text += $"{Environment.NewLine}No admin has a password yet. Sign in as {server.SignInLinkUser} (once) with:{Environment.NewLine}    {link}";
            CliJson.Report(parse, json, new { address = server.Address, db = Path.GetFullPath(options.DbPath), sign_in_link = server.SignInLink }, text);
            await parse.InvocationConfiguration.Output.FlushAsync(ct);
            await server.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }

    private static OpenIdConnectSettings? OpenIdConnect(string? authority, string? clientId)
    {
        if (authority is null && clientId is null)
            return null;
        if (authority is null || clientId is null)
            throw new CliException("OpenID Connect needs both --oidc-authority and --oidc-client-id");
        return new OpenIdConnectSettings { Authority = authority, ClientId = clientId, ClientSecret = Environment.GetEnvironmentVariable("LABELFORGE_OIDC_CLIENT_SECRET") };
    }

    private static string? WebRoot()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(path) ? path : null;
    }
}
