using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Scorecards;

/// <summary>Annotator scorecards.</summary>
public static class ScorecardServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddScorecards(this IServiceCollection services)
    {
        services.AddScoped<ScorecardOperations>();
        return services;
    }
}
