using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Taxonomy;

/// <summary>The versioned label tree and the label resolver other features read labels through.</summary>
public static class TaxonomyServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddTaxonomy(this IServiceCollection services)
    {
        services.AddScoped<TaxonomyOperations>();
        return services;
    }
}
