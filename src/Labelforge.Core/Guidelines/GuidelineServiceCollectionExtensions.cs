using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Guidelines;

/// <summary>Versioned project guidelines.</summary>
public static class GuidelineServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddGuidelines(this IServiceCollection services)
    {
        services.AddScoped<GuidelineOperations>();
        return services;
    }
}
