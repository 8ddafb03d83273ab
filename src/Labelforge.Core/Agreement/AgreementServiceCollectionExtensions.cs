using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Agreement;

/// <summary>Agreement between a project's annotators.</summary>
public static class AgreementServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddAgreement(this IServiceCollection services)
    {
        services.AddScoped<SpanAgreementOperations>();
        services.AddScoped<ObjectAgreementOperations>();
        services.AddScoped<AgreementOperations>();
        return services;
    }
}
