using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Adjudication;

/// <summary>Adjudication: the reviewers' queue of disputed items.</summary>
public static class AdjudicationServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddAdjudication(this IServiceCollection services)
    {
        services.AddScoped<AdjudicationOperations>();
        return services;
    }
}
