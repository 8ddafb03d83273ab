using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Counts;

/// <summary>A project's maintained counts.</summary>
public static class CountsServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddCounts(this IServiceCollection services)
    {
        services.AddScoped<CountsOperations>();
        return services;
    }
}
