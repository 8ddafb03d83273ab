using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Data;

/// <summary>
/// Carries a store's <see cref="IUtf8RowReaderFactory"/> in the context options, so every UTF-8 row read through a
/// context that store made uses it without its callers knowing the provider.
/// </summary>
public sealed class Utf8RowReaderOptionsExtension(IUtf8RowReaderFactory factory) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public IUtf8RowReaderFactory Factory { get; } = factory;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <summary>Adds the factory to <paramref name="builder"/>'s options.</summary>
    public static DbContextOptionsBuilder<TContext> Use<TContext>(DbContextOptionsBuilder<TContext> builder, IUtf8RowReaderFactory factory)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new Utf8RowReaderOptionsExtension(factory));
        return builder;
    }

    /// <summary>The factory registered on <paramref name="db"/>'s options, if any.</summary>
    public static IUtf8RowReaderFactory? Find(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<Utf8RowReaderOptionsExtension>()?.Factory;

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

        public override string LogFragment => "Utf8RowReader ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Labelforge:Utf8RowReader"] = "1";
    }
}
