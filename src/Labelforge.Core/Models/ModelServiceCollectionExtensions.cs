using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Models;

/// <summary>Stored model versions, their predictions (pre-labels) and auto-accept.</summary>
public static class ModelServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddModels(this IServiceCollection services)
    {
        services.AddScoped<ModelOperations>();
        services.AddScoped<PredictionOperations>();
        services.AddScoped<AutoAcceptOperations>();
        return services;
    }
}
