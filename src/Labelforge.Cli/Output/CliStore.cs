using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Storage;

namespace Labelforge.Cli.Output;

/// <summary>Opens the project database named by --db for one command, and finds projects by name or id.</summary>
internal sealed class CliStore : IAsyncDisposable
{
    private CliStore(LabelforgeDb db) => Db = db;

    public LabelforgeDb Db { get; }

    public TimeProvider Time { get; } = TimeProvider.System;

    public static async Task<CliStore> OpenAsync(string path, CancellationToken ct)
    {
        var store = await LabelforgeStore.OpenSqliteAsync(path, ct);
        return new CliStore(store.CreateDb());
    }

    public async Task<Project> ProjectAsync(string idOrName, CancellationToken ct)
    {
        try
        {
            return await new ProjectOperations(Db, Time).GetAsync(idOrName, ct);
        }
        catch (LabelforgeException e)
        {
            throw new CliException(e.Message);
        }
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
