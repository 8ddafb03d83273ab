using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Events;

/// <summary>The project event log (what later webhooks deliver).</summary>
public static class ProjectEventServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddProjectEvents(this IServiceCollection services)
    {
        services.AddScoped<ProjectEventOperations>();
        return services;
    }
}
