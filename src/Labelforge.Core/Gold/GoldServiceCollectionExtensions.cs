using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Gold;

public static class GoldServiceCollectionExtensions
{
    /// <summary>Gold items: <see cref="GoldOperations"/>.</summary>
    public static IServiceCollection AddGold(this IServiceCollection services)
    {
        services.AddScoped<GoldOperations>();
        return services;
    }
}
