using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Projects;

/// <summary>Projects: create, find, list, update, delete.</summary>
public static class ProjectServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddScoped<ProjectOperations>();
        return services;
    }
}
