using Labelforge.Server.Hosting;
using Labelforge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Bench;

/// <summary>The app's registrations over a bench store (the same composition root the CLI and the server use).</summary>
internal static class BenchServices
{
    public static ServiceProvider For(LabelforgeStore store) =>
        new ServiceCollection().AddLabelforge(store, TimeProvider.System).BuildServiceProvider();

    /// <summary>One scope's <typeparamref name="T"/>; the scope's context lives until the scope is disposed.</summary>
    public static T Get<T>(this AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
}
