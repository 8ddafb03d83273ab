using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Erasure;

/// <summary>Erasure of items (tombstones, secure removal).</summary>
public static class ErasureServiceCollectionExtensions
{
    public static IServiceCollection AddErasure(this IServiceCollection services)
    {
        services.AddScoped<ErasureOperations>();
        return services;
    }
}
