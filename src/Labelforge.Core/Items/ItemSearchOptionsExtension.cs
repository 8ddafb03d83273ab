using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Items;

/// <summary>
/// Carries a store's <see cref="IItemSearch"/> in the context options, so every items search through a context that
/// store made uses its index without its callers knowing the provider.
/// </summary>
public sealed class ItemSearchOptionsExtension(IItemSearch search) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public IItemSearch Search { get; } = search;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <summary>Adds the search to <paramref name="builder"/>'s options.</summary>
    public static DbContextOptionsBuilder<TContext> Use<TContext>(DbContextOptionsBuilder<TContext> builder, IItemSearch search)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ItemSearchOptionsExtension(search));
        return builder;
    }

    /// <summary>The search registered on <paramref name="db"/>'s options, if any.</summary>
    public static IItemSearch? Find(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<ItemSearchOptionsExtension>()?.Search;

    public void ApplyServices(IServiceCollection services)
    {
        // The search is read from the options; it adds no services.
    }

    public void Validate(IDbContextOptions options)
    {
        // Nothing to check: a search answers only for its own provider.
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "ItemSearch ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Labelforge:ItemSearch"] = "1";
    }
}
