using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Media;
using Labelforge.Storage;
using Labelforge.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Labelforge.Server.Hosting;

/// <summary>
/// The composition root of the app, shared by `labelforge serve` and the other commands: the store, the clock and
/// every feature's operations. The server adds its web and background services on top (<see cref="LabelforgeServer"/>).
/// </summary>
public static class LabelforgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="store"/>, <paramref name="time"/>, one <see cref="LabelforgeDb"/> per scope (a request, a
    /// command) and the operations of Core and Training. Registrations are listed, never scanned, so a command's
    /// start-up pays only for the few it resolves.
    /// </summary>
    public static IServiceCollection AddLabelforge(this IServiceCollection services, LabelforgeStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        services.AddSingleton(store);
        services.AddSingleton(time);
        services.AddScoped(_ => store.CreateDb());
        // A host that keeps media elsewhere registers its store first; the default is the folder beside the database.
        services.TryAddSingleton<IMediaStore>(_ => new FolderMediaStore(FolderMediaStore.BesideDatabase(
            store.FilePath ?? throw new InvalidOperationException("This store has no database file; register an IMediaStore."))));
        services.AddLabelforgeCore();
        services.AddTraining();
        return services;
    }
}
