using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Consensus;

/// <summary>Consensus in a project: class-label runs with their annotator quality and settings, box consensus of image-objects projects and span consensus of text-spans projects.</summary>
public static class ConsensusServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddConsensus(this IServiceCollection services)
    {
        services.AddScoped<ObjectConsensusOperations>();
        services.AddScoped<SpanConsensusOperations>();
        services.AddScoped<ConsensusOperations>();
        services.AddScoped<ConsensusSettingsOperations>();
        return services;
    }
}
