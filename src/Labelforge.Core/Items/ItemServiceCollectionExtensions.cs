using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Items;

/// <summary>Items: pages, filters, search and one item with its history.</summary>
public static class ItemServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddItems(this IServiceCollection services)
    {
        services.AddScoped<ItemOperations>();
        return services;
    }
}
