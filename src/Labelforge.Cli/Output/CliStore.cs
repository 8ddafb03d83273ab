using Labelforge.Core.Audit;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Server.Hosting;
using Labelforge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Cli.Output;

/// <summary>
/// Opens the project database named by --db for one command: the app's registrations (<see cref="LabelforgeServiceCollectionExtensions.AddLabelforge"/>,
/// the same the server uses) over that store, one scope for the command, and its operations from that scope.
/// </summary>
internal sealed class CliStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private CliStore(ServiceProvider services)
    {
        _services = services;
        _scope = services.CreateAsyncScope();
        // Whoever can write the database file acts here; the audit log names them by their operating-system account.
        _scope.ServiceProvider.GetRequiredService<AuditActor>().Name = AuditActor.Cli(Environment.UserName);
    }

    /// <summary>The command's database context (the one its operations share).</summary>
    public LabelforgeDb Db => Get<LabelforgeDb>();

    /// <summary>An operation (or any registered service) of the command's scope.</summary>
    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public static async Task<CliStore> OpenAsync(string path, CancellationToken ct)
    {
        var store = await LabelforgeStore.OpenSqliteAsync(path, ct);
        return new CliStore(new ServiceCollection().AddLabelforge(store, TimeProvider.System).BuildServiceProvider());
    }

    public async Task<Project> ProjectAsync(string idOrName, CancellationToken ct)
    {
        try
        {
            return await Get<ProjectOperations>().GetAsync(idOrName, ct);
        }
        catch (LabelforgeException e)
        {
            throw new CliException(e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}
