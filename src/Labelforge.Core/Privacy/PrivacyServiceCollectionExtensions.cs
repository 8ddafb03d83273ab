using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Privacy;

/// <summary>Personal-data masking: the project's detector settings, the masker and the detection report.</summary>
public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<PiiOperations>();
        return services;
    }
}
