using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Server.Hosting;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge serve`: the web UI and REST API on one project database, bound to 127.0.0.1 by default.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port (0 = any free port).", DefaultValueFactory = _ => 5180 };
        var host = new Option<string>("--host") { Description = "Interface to bind; 0.0.0.0 exposes the server to the network.", DefaultValueFactory = _ => "127.0.0.1" };
        var demo = new Option<bool>("--demo") { Description = "Create the demo project if it is missing." };
        var (db, json, media) = (CommonOptions.Db(), CommonOptions.Json(), CommonOptions.Media());
        var command = new Command("serve", "Run the web UI and REST API.") { port, host, demo, db, json, media };
        command.SetHandler(async (parse, ct) =>
        {
            var options = new ServerOptions
            {
                DbPath = parse.GetValue(db)!,
                MediaPath = parse.GetValue(media),
                Port = parse.GetValue(port),
                Host = parse.GetValue(host)!,
                Demo = parse.GetValue(demo),
                WebRoot = WebRoot(),
            };
            await using var server = await LabelforgeServer.StartAsync(options, ct);
            CliJson.Report(parse, json, new { address = server.Address, db = Path.GetFullPath(options.DbPath) },
                $"Labelforge listening on {server.Address} (database {Path.GetFullPath(options.DbPath)}); Ctrl+C stops.");
            await parse.InvocationConfiguration.Output.FlushAsync(ct);
            await server.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }

    private static string? WebRoot()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(path) ? path : null;
    }
}
