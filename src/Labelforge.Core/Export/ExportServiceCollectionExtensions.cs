using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Export;

/// <summary>Exports of current labels and of the annotation history.</summary>
public static class ExportServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddExport(this IServiceCollection services)
    {
        services.AddScoped<ExportOperations>();
        return services;
    }
}
