using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Import.Writing;

/// <summary>
/// Carries a store's <see cref="IItemBulkWriterFactory"/> in the context options, so every import through a
/// context that store made uses it without its callers knowing the provider.
/// </summary>
public sealed class ItemBulkWriterOptionsExtension(IItemBulkWriterFactory factory) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public IItemBulkWriterFactory Factory { get; } = factory;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <summary>Adds the factory to <paramref name="builder"/>'s options.</summary>
    public static DbContextOptionsBuilder<TContext> Use<TContext>(DbContextOptionsBuilder<TContext> builder, IItemBulkWriterFactory factory)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ItemBulkWriterOptionsExtension(factory));
        return builder;
    }

    /// <summary>The factory registered on <paramref name="db"/>'s options, if any.</summary>
    public static IItemBulkWriterFactory? Find(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<ItemBulkWriterOptionsExtension>()?.Factory;

    public void ApplyServices(IServiceCollection services)
    {
        // The factory is read from the options; it adds no services.
    }

    public void Validate(IDbContextOptions options)
    {
        // Nothing to check: any factory may return null for a provider it does not serve.
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "ItemBulkWriter ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Labelforge:ItemBulkWriter"] = "1";
    }
}
