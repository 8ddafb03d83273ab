using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.LabelErrors;

/// <summary>Reviews of suspected label errors (the detection itself is Training's).</summary>
public static class LabelErrorsServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddLabelErrors(this IServiceCollection services)
    {
        services.AddScoped<LabelReviewOperations>();
        return services;
    }
}
