using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Consensus;

/// <summary>Consensus labels in a project: runs, their annotator quality and the project's settings.</summary>
public static class ConsensusServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddConsensus(this IServiceCollection services)
    {
        services.AddScoped<ConsensusOperations>();
        services.AddScoped<ConsensusSettingsOperations>();
        return services;
    }
}
