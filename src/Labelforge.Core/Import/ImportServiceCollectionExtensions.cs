using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Import;

/// <summary>Imports of items and labels into a project.</summary>
public static class ImportServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddScoped<ImportOperations>();
        services.AddScoped<Answers.AnswersImportOperations>();
        return services;
    }
}
