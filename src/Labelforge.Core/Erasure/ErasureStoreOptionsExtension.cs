using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Erasure;

/// <summary>Carries a store's <see cref="IErasureStore"/> in the context options, like the items search.</summary>
public sealed class ErasureStoreOptionsExtension(IErasureStore store) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public IErasureStore Store { get; } = store;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public static DbContextOptionsBuilder<TContext> Use<TContext>(DbContextOptionsBuilder<TContext> builder, IErasureStore store)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ErasureStoreOptionsExtension(store));
        return builder;
    }

    public static IErasureStore? Find(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<ErasureStoreOptionsExtension>()?.Store;

    public void ApplyServices(IServiceCollection services)
    {
        // Read from the options; adds no services.
    }

    public void Validate(IDbContextOptions options)
    {
        // Nothing to check.
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "ErasureStore ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Labelforge:ErasureStore"] = "1";
    }
}
