using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Acceptance;

/// <summary>Acceptance bias of model suggestions.</summary>
public static class AcceptanceServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddAcceptance(this IServiceCollection services)
    {
        services.AddScoped<AcceptanceOperations>();
        return services;
    }
}
