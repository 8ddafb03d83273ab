using Labelforge.Core.Acceptance;
using Labelforge.Core.Accounts;
using Labelforge.Core.Annotations;
using Labelforge.Core.Counts;
using Labelforge.Core.Data;
using Labelforge.Core.Demo;
using Labelforge.Core.Erasure;
using Labelforge.Core.Import;
using Labelforge.Core.Items;
using Labelforge.Core.LabelErrors;
using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Core.LabelingFunctions.Projects.Analysis;
using Labelforge.Core.Media;
using Labelforge.Core.Models;
using Labelforge.Core.Projects;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Model;
using Labelforge.Core.Queues.Settings;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Core.Taxonomy;
using Labelforge.Server.Features.Acceptance;
using Labelforge.Server.Features.Accounts;
using Labelforge.Server.Features.Adjudication;
using Labelforge.Server.Features.Agreement;
using Labelforge.Server.Features.Annotations;
using Labelforge.Server.Features.Audit;
using Labelforge.Server.Features.Consensus;
using Labelforge.Server.Features.Counts;
using Labelforge.Server.Features.Erasure;
using Labelforge.Server.Features.Export;
using Labelforge.Server.Features.Gold;
using Labelforge.Server.Features.Guidelines;
using Labelforge.Server.Features.Home;
using Labelforge.Server.Features.Import;
using Labelforge.Server.Features.Items;
using Labelforge.Server.Features.LabelErrors;
using Labelforge.Server.Features.LabelingFunctions;
using Labelforge.Server.Features.Media;
using Labelforge.Server.Features.Models;
using Labelforge.Server.Features.Privacy;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Features.Queues;
using Labelforge.Server.Features.Scorecards;
using Labelforge.Server.Features.Taxonomy;
using Labelforge.Server.Hosting.Security;
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
    private readonly NewToken? _signInLink;

    private LabelforgeServer(WebApplication app, NewToken? signInLink)
    {
        _app = app;
        _signInLink = signInLink;
    }

    /// <summary>The first address Kestrel listens on, e.g. http://127.0.0.1:5180.</summary>
    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>
    /// The one-time link that signs the first-run admin in, while no admin has a password (null after that);
    /// `labelforge serve` prints it, as Jupyter prints its token.
    /// </summary>
    public Uri? SignInLink => _signInLink is { } link ? new Uri(Address, "/sign-in?token=" + link.Secret) : null;

    /// <summary>The user the sign-in link signs in.</summary>
    public string? SignInLinkUser => _signInLink?.Token.User;

    public static async Task<LabelforgeServer> StartAsync(ServerOptions options, CancellationToken ct = default)
    {
        var store = await LabelforgeStore.OpenSqliteAsync(options.DbPath, ct);
        var app = Build(options, store);
        NewToken? link;
        try
        {
            // Before listening: the first-run check may refuse to serve, and the demo project is there on the first request.
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            link = await FirstRunAsync(services, options, ct);
            if (options.Demo)
            {
                await DemoProject.EnsureAsync(services.GetRequiredService<LabelforgeDb>(), services.GetRequiredService<ProjectOperations>(),
                    services.GetRequiredService<ImportOperations>(), ct);
            }
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        await app.StartAsync(ct);
        return new LabelforgeServer(app, link);
    }

    /// <summary>Refuses to listen beyond loopback while no admin has a password; else a sign-in link when one is needed.</summary>
    private static async Task<NewToken?> FirstRunAsync(IServiceProvider services, ServerOptions options, CancellationToken ct)
    {
        var accounts = services.GetRequiredService<AccountOperations>();
        if (!Loopback.Is(options.Host) && !await accounts.AdminHasPasswordAsync(ct))
        {
            throw new Labelforge.Core.Common.LabelforgeException(
                $"Refusing to listen on {options.Host}: no admin has a password yet, and anyone who can reach the server could use the first-run sign-in. " +
                "Set one with `labelforge user password NAME --password-stdin` (or `labelforge user add NAME --role admin --password-stdin`), " +
                "or serve on 127.0.0.1 and set it from the web UI.");
        }
        return await FirstRun.SignInLinkAsync(services.GetRequiredService<LabelforgeDb>(), accounts, services.GetRequiredService<TokenOperations>(), ct);
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
        services.AddSingleton<ConsensusReruns>();
        services.AddHostedService<ConsensusRerunService>();
        services.AddHostedService<ItemSearchIndexService>();
        services.AddSingleton<LabelErrorRuns>();
        // In-memory copies of items' text or features, which an erasure must reach (Core's IErasedItemCache).
        services.AddSingleton<IErasedItemCache>(sp => sp.GetRequiredService<QueueRetrainCoordinator>());
        services.AddSingleton<IErasedItemCache>(sp => sp.GetRequiredService<LabelErrorRuns>());
    }

    private static WebApplication Build(ServerOptions options, LabelforgeStore store)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        // JSON bodies are capped; imports raise their own limit (ImportEndpoints) and stream.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The session keys sit beside the database, as readable as the data they protect; no warning on every start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        var services = builder.Services;
        services.AddSingleton(options);
        // The media store before the composition root, which adds the folder beside the database only when none is given.
        services.AddSingleton<IMediaStore>(options.MediaStore ?? new FolderMediaStore(options.MediaPath ?? FolderMediaStore.BesideDatabase(options.DbPath)));
        services.AddLabelforge(store, options.Time);
        AddServerWork(services);
        services.AddLabelforgeSecurity(options);
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
        app.UseLabelforgeSecurity();
        app.MapOpenApi();
        // Every /api endpoint needs a signed-in user and names its own policy on top (Policies; RoleMatrixTests
        // checks each one); sign-in and health opt out with AllowAnonymous.
        var api = app.MapGroup("/api").RequireAuthorization(Policies.SignedIn);
        api.MapSession();
        api.MapUsers();
        api.MapTokens();
        api.MapMembers();
        api.MapProjects();
        api.MapTaxonomy();
        api.MapGuidelines();
        api.MapAgreement();
        api.MapItems();
        api.MapAnnotations();
        api.MapImport();
        api.MapGold();
        api.MapExport();
        api.MapPrivacy();
        api.MapQueues();
        api.MapCounts();
        api.MapLabelingFunctions();
        api.MapAcceptance();
        api.MapConsensus();
        api.MapScorecards();
        api.MapLabelErrors();
        api.MapAdjudication();
        api.MapModels();
        api.MapQueueSettings();
        api.MapMedia();
        api.MapErasure();
        api.MapAuditLog();
        app.MapSignInPages(options);
        if (WebUiEndpoints.HasWebUi(options))
            app.UseWebUi(options);
        else
            app.MapHome(options);
        return app;
    }
}
