using Labelforge.Core.Demo;
using Labelforge.Core.Data;
using Labelforge.Core.Import;
using Labelforge.Core.Items;
using Labelforge.Core.Media;
using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Core.LabelErrors;
using Labelforge.Core.LabelingFunctions.Projects.Analysis;
using Labelforge.Core.Models;
using Labelforge.Core.Projects;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Model;
using Labelforge.Core.Queues.Settings;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Core.Taxonomy;
using Labelforge.Server.Features.Acceptance;
using Labelforge.Server.Features.Annotations;
using Labelforge.Server.Features.Counts;
using Labelforge.Server.Features.Export;
using Labelforge.Server.Features.Home;
using Labelforge.Server.Features.Import;
using Labelforge.Server.Features.Items;
using Labelforge.Server.Features.LabelingFunctions;
using Labelforge.Server.Features.LabelErrors;
using Labelforge.Server.Features.Media;
using Labelforge.Server.Features.Models;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Features.Queues;
using Labelforge.Server.Features.Taxonomy;
using Labelforge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Labelforge.Server.Hosting;

/// <summary>Builds and runs the web app: REST API, OpenAPI document and the UI, on one project database.</summary>
public sealed class LabelforgeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LabelforgeServer(WebApplication app) => _app = app;

    /// <summary>The first address Kestrel listens on, e.g. http://127.0.0.1:5180.</summary>
    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<LabelforgeServer> StartAsync(ServerOptions options, CancellationToken ct = default)
    {
        var store = await LabelforgeStore.OpenSqliteAsync(options.DbPath, ct);
        var app = Build(options, store);
        if (options.Demo)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await DemoProject.EnsureAsync(services.GetRequiredService<LabelforgeDb>(), services.GetRequiredService<ProjectOperations>(),
                services.GetRequiredService<ImportOperations>(), ct);
        }
        await app.StartAsync(ct);
        return new LabelforgeServer(app);
    }

    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The app's services, for tests that drive background work synchronously.</summary>
    public IServiceProvider Services => _app.Services;

    // What only a running server has: state shared across requests and the background loops.
    private static void AddServerWork(IServiceCollection services)
    {
        services.AddSingleton<QueueLabelCounts>();
        services.AddSingleton<QueueRetrainCoordinator>();
        services.AddHostedService<QueueRetrainService>();
        services.AddHostedService<ItemSearchIndexService>();
        services.AddSingleton<LabelErrorRuns>();
    }

    private static WebApplication Build(ServerOptions options, LabelforgeStore store)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null); // imports stream; size is the reader's business
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var services = builder.Services;
        services.AddSingleton(options);
        // The media store before the composition root, which adds the folder beside the database only when none is given.
        services.AddSingleton<IMediaStore>(options.MediaStore ?? new FolderMediaStore(options.MediaPath ?? FolderMediaStore.BesideDatabase(options.DbPath)));
        services.AddLabelforge(store, options.Time);
        AddServerWork(services);
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ErrorHandler>();
        // A body or parameter the endpoint cannot bind is thrown to ErrorHandler, which says what failed and where
        // (otherwise the framework answers a bare 400 whose problem has no detail).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Named here, not after the host's assembly, so the CLI and a test host serve the same document.
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Labelforge API";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        var api = app.MapGroup("/api");
        api.MapProjects();
        api.MapTaxonomy();
        api.MapItems();
        api.MapAnnotations();
        api.MapImport();
        api.MapExport();
        api.MapQueues();
        api.MapCounts();
        api.MapLabelingFunctions();
        api.MapAcceptance();
        api.MapLabelErrors();
        api.MapModels();
        api.MapQueueSettings();
        api.MapMedia();
        if (WebUiEndpoints.HasWebUi(options))
            app.UseWebUi(options);
        else
            app.MapHome(options);
        return app;
    }
}
